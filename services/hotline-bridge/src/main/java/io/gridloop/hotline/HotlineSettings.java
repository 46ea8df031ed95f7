package io.gridloop.hotline;

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
 * @param photoBaseUrl    where gridloop's API serves case photos (dispatch's), for the photos a 办结反馈 names
 * @param contactKey      the AES key (Base64, 32 bytes) the citizens' names and phones of 12345 orders are stored
 *                        encrypted with ({@code GRIDLOOP_HOTLINE_CONTACTKEY}; required: {@code openssl rand -base64 32})
 * @param noncePruneInterval how often signature nonces older than the tolerance allows are forgotten
 */
@ConfigurationProperties("gridloop.hotline")
public record HotlineSettings(String baseUrl, String secret, String previousSecret, Duration signatureTolerance,
                              Duration callTimeout, Duration publishTimeout, Poll poll, Outbox outbox,
                              String photoBaseUrl, String contactKey, Duration noncePruneInterval) {

    /** As long as the HMAC-SHA256 key itself: anything shorter can be guessed sooner than the hash. */
    public static final int MIN_SECRET_BYTES = 32;

    public HotlineSettings {
        baseUrl = baseUrl == null ? "http://localhost:8093" : baseUrl.replaceAll("/+$", "");
        // No default: a bridge that signed with a value anyone can read in the repository would let anyone post
        // work orders. The local stack passes its own development secret.
        requireSecret("gridloop.hotline.secret (GRIDLOOP_HOTLINE_SECRET)", secret);
        if (previousSecret != null && !previousSecret.isBlank()) {
            requireSecret("gridloop.hotline.previous-secret", previousSecret);
        }
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        callTimeout = callTimeout == null ? Duration.ofSeconds(5) : callTimeout;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        poll = poll == null ? new Poll(false, null, null, null) : poll;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null, null) : outbox;
        contactKey = contactKey == null ? "" : contactKey.strip();
        noncePruneInterval = noncePruneInterval == null ? Duration.ofMinutes(5) : noncePruneInterval;
        photoBaseUrl = photoBaseUrl == null ? "http://localhost:8082" : photoBaseUrl.replaceAll("/+$", "");
    }

    /** Where gridloop's API serves a case photo, as the 办结反馈 names it. */
    public String photoUrl(String photoId) {
        return photoBaseUrl + "/api/v1/photos/" + photoId;
    }

    private static void requireSecret(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: set the HMAC secret agreed with the 12345 platform"
                    + " (未设置与12345平台约定的签名密钥)");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(name + " is shorter than " + MIN_SECRET_BYTES
                    + " bytes (签名密钥过短，至少" + MIN_SECRET_BYTES + "字节)");
        }
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
     * @param initialDelay the first poll after start
     * @param pageSize orders per request
     */
    public record Poll(boolean enabled, Duration interval, Duration initialDelay, Integer pageSize) {
        public Poll {
            interval = interval == null ? Duration.ofSeconds(10) : interval;
            initialDelay = initialDelay == null ? Duration.ofSeconds(3) : initialDelay;
            pageSize = pageSize == null ? 100 : pageSize;
        }
    }

    /**
     * @param relayInterval how often the relay looks for messages due
     * @param initialDelay  the relay's first look after start
     * @param parallelism   work orders delivered at the same time (each order's messages stay in order)
     * @param maxAttempts   failed deliveries after which a message is parked as a dead letter
     * @param firstBackoff  the wait after the first failure; it doubles with each failure, with ±20% jitter
     * @param maxBackoff    the longest wait between attempts
     * @param batchPerOrder how many of one order's messages one pass delivers before moving on
     */
    public record Outbox(Duration relayInterval, Duration initialDelay, Integer parallelism, Integer maxAttempts,
                         Duration firstBackoff, Duration maxBackoff, Integer batchPerOrder) {
        public Outbox {
            relayInterval = relayInterval == null ? Duration.ofMillis(250) : relayInterval;
            initialDelay = initialDelay == null ? Duration.ofSeconds(2) : initialDelay;
            parallelism = parallelism == null ? 4 : parallelism;
            maxAttempts = maxAttempts == null ? 10 : maxAttempts;
            firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            batchPerOrder = batchPerOrder == null ? 20 : batchPerOrder;
        }
    }
}
