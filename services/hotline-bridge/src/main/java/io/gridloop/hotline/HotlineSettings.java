package io.gridloop.hotline;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the bridge reaches the city's 12345 platform ({@code gridloop.hotline.*}).
 *
 * @param baseUrl         the hotline platform's API
 * @param secret          the shared HMAC secret both sides sign with
 * @param previousSecret  during a rotation, the old secret, still accepted on requests from the hotline
 * @param signatureTolerance how far a request's timestamp may be from our clock
 * @param callTimeout     how long one call may take before it counts as failed
 * @param publishTimeout  how long Kafka may take to acknowledge an order or visit before the hotline gets a 503
 * @param poll            pulling orders, for cities whose hotline cannot push
 * @param outbox          delivering status syncs and escalations
 */
@ConfigurationProperties("gridloop.hotline")
public record HotlineSettings(String baseUrl, String secret, String previousSecret, Duration signatureTolerance,
                              Duration callTimeout, Duration publishTimeout, Poll poll, Outbox outbox) {

    /** Only for development and tests; a warning says so at start-up when it is in use. */
    static final String DEVELOPMENT_SECRET = "gridloop-dev-only-12345-secret";

    public HotlineSettings {
        baseUrl = baseUrl == null ? "http://localhost:8093" : baseUrl.replaceAll("/+$", "");
        if (secret == null || secret.isBlank()) {
            secret = DEVELOPMENT_SECRET;
        }
        if (secret.equals(DEVELOPMENT_SECRET)) {
            LoggerFactory.getLogger(HotlineSettings.class).warn(
                    "gridloop.hotline.secret is the development secret: set the secret agreed with the 12345 platform");
        }
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        callTimeout = callTimeout == null ? Duration.ofSeconds(5) : callTimeout;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        poll = poll == null ? new Poll(false, null, null) : poll;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null) : outbox;
    }

    /** The secret this side signs with. */
    public byte[] signingSecret() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The secrets a request from the hotline may be signed with. */
    public List<byte[]> acceptedSecrets() {
        List<byte[]> secrets = new ArrayList<>();
        secrets.add(signingSecret());
        if (previousSecret != null && !previousSecret.isBlank()) {
            secrets.add(previousSecret.getBytes(StandardCharsets.UTF_8));
        }
        return secrets;
    }

    /**
     * @param enabled  pull orders from {@code GET /api/v1/orders} (they may be pushed as well; both are idempotent)
     * @param interval pause between polls once the hotline has nothing more
     * @param pageSize orders per request
     */
    public record Poll(boolean enabled, Duration interval, Integer pageSize) {
        public Poll {
            interval = interval == null ? Duration.ofSeconds(10) : interval;
            pageSize = pageSize == null ? 100 : pageSize;
        }
    }

    /**
     * @param relayInterval how often the relay looks for messages due
     * @param parallelism   work orders delivered at the same time (each order's messages stay in order)
     * @param maxAttempts   failed deliveries after which a message is parked as a dead letter
     * @param firstBackoff  the wait after the first failure; it doubles with each failure, with ±20% jitter
     * @param maxBackoff    the longest wait between attempts
     * @param batchPerOrder how many of one order's messages one pass delivers before moving on
     */
    public record Outbox(Duration relayInterval, Integer parallelism, Integer maxAttempts, Duration firstBackoff,
                         Duration maxBackoff, Integer batchPerOrder) {
        public Outbox {
            relayInterval = relayInterval == null ? Duration.ofMillis(250) : relayInterval;
            parallelism = parallelism == null ? 4 : parallelism;
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            batchPerOrder = batchPerOrder == null ? 20 : batchPerOrder;
        }
    }
}
