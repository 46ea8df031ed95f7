package io.gridloop.contracts.hotline;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The signature both sides of the 12345 interface put on every request (see {@code openapi/hotline-12345.yaml}):
 * {@code X-Hotline-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "\n" + body)>} with the Unix time in
 * seconds in {@code X-Hotline-Timestamp}. Signing the timestamp with the body lets the receiver refuse replays of
 * old requests without keeping every signature it ever saw.
 */
public final class HotlineSignature {

    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    /** How far a request's timestamp may be from the receiver's clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "sha256=";

    /** Why a request was refused, or {@code VALID}. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH
    }

    private HotlineSignature() {
    }

    /** The {@code X-Hotline-Signature} value for {@code body} sent at {@code epochSeconds}. */
    public static String sign(byte[] secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + "\n").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Checks a received request. Any of the {@code secrets} may have signed it, so a secret can be rotated
     * without a moment in which one side's requests are refused.
     */
    public static Verdict verify(Iterable<byte[]> secrets, String timestampHeader, String signatureHeader,
                                 byte[] body, Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (!signatureHeader.startsWith(PREFIX)) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] given = signatureHeader.getBytes(StandardCharsets.US_ASCII);
        for (byte[] secret : secrets) {
            // Constant time, so the comparison does not tell an attacker how many leading bytes were right.
            if (MessageDigest.isEqual(given, sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII))) {
                return Verdict.VALID;
            }
        }
        return Verdict.MISMATCH;
    }
}
