package io.gridloop.intake.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * @param apiKeys         the Open311 clients allowed to post requests: api key → client name
 * @param jurisdictionId  the jurisdiction this endpoint serves (clients may send it; others are refused)
 */
@ConfigurationProperties("gridloop.intake.open311")
public record Open311Settings(Map<String, String> apiKeys, String jurisdictionId) {

    public Open311Settings {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        jurisdictionId = jurisdictionId == null ? "" : jurisdictionId;
    }
}
