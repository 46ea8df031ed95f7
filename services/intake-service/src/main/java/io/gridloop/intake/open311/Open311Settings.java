package io.gridloop.intake.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Open311 endpoint's settings. No client is allowed by default: an installation names its own, and the local
 * stack adds its demo client itself.
 *
 * <p>Clients are a list rather than a map keyed by api key, so that an installation can set them with environment
 * variables ({@code GRIDLOOP_INTAKE_OPEN311_CLIENTS_0_KEY}, {@code …_0_NAME}): a map key taken from a variable's
 * name is lower-cased and loses its dashes, which would change the key itself.
 *
 * @param clients        the Open311 clients allowed to post requests
 * @param jurisdictionId the jurisdiction this endpoint serves (clients may send it; others are refused)
 */
@ConfigurationProperties("gridloop.intake.open311")
public record Open311Settings(List<Client> clients, String jurisdictionId) {

    /**
     * @param key  the client's {@code api_key}
     * @param name its name, shown as the reporting channel in the case
     */
    public record Client(String key, String name) {
    }

    public Open311Settings {
        clients = clients == null ? List.of() : clients.stream()
                .filter(c -> c != null && c.key() != null && !c.key().isBlank()).toList();
        jurisdictionId = jurisdictionId == null ? "" : jurisdictionId;
    }

    /** The name of the client with this api key. */
    public Optional<String> clientNamed(String apiKey) {
        return Optional.ofNullable(apiKey).map(byKey()::get);
    }

    private Map<String, String> byKey() {
        return clients.stream().collect(Collectors.toMap(Client::key,
                c -> c.name() == null || c.name().isBlank() ? c.key() : c.name(), (a, b) -> a));
    }
}
