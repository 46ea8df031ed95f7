package io.gridloop.hotline;

import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.infra.DevelopmentSettings;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Base of the bridge's integration tests: the bridge against the embedded broker and database, and a hotline
 * simulator as the 12345 platform, with short backoffs and timeouts so outages play out in seconds. Every test
 * class shares this one context (and so one set of listeners) and the one simulator.
 */
public abstract class BridgeTest extends ServiceIntegrationTest {

    /** The secret the embedded infrastructure gives every service (DevelopmentSettings), shared with the simulator. */
    protected static final String SECRET = DevelopmentSettings.HOTLINE_SECRET;
    protected static final HotlineSimulator hotline = HotlineSimulator.start(0, SECRET, 42);

    @DynamicPropertySource
    static void hotlineProperties(DynamicPropertyRegistry registry) {
        registry.add("gridloop.hotline.base-url", hotline::baseUrl);
        registry.add("gridloop.hotline.call-timeout", () -> "1s");
        registry.add("gridloop.hotline.poll.enabled", () -> "true");
        registry.add("gridloop.hotline.poll.interval", () -> "300ms");
        registry.add("gridloop.hotline.poll.initial-delay", () -> "0s");
        registry.add("gridloop.hotline.outbox.first-backoff", () -> "100ms");
        registry.add("gridloop.hotline.outbox.max-backoff", () -> "1s");
        registry.add("gridloop.hotline.outbox.max-attempts", () -> "60");
        registry.add("gridloop.hotline.outbox.initial-delay", () -> "0s");
        registry.add("resilience4j.timelimiter.instances.hotline.timeout-duration", () -> "1s");
        registry.add("resilience4j.circuitbreaker.instances.hotline.wait-duration-in-open-state", () -> "1s");
        registry.add("resilience4j.circuitbreaker.instances.hotline.minimum-number-of-calls", () -> "5");
        registry.add("resilience4j.retry.instances.hotline.wait-duration", () -> "50ms");
    }

    @BeforeEach
    void wellBehavedHotline() {
        hotline.bridgeUrl("http://localhost:" + port);
        hotline.faults().clear();
        hotline.up();
    }

    /**
     * A request signed as the hotline signs it, at {@code at}, with {@code secret} — and, like the hotline's,
     * without a token of our realm.
     */
    protected RestTestClient.ResponseSpec signedPost(String path, String json, String secret, Instant at) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return anonymous.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> HotlineSignature.headers(secret.getBytes(StandardCharsets.UTF_8), at, "POST", path, body)
                        .forEach(h::add))
                .body(body).exchange();
    }

    protected RestTestClient.ResponseSpec signedPost(String path, String json) {
        return signedPost(path, json, SECRET, Instant.now());
    }
}
