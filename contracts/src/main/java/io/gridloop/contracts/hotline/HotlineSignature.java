package io.gridloop.contracts.hotline;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The signature both sides of the 12345 interface put on every request (see {@code openapi/hotline-12345.yaml}):
 *
 * <pre>
 * X-Hotline-Timestamp: Unix time in seconds
 * X-Hotline-Nonce:     16–64 characters [A-Za-z0-9_-], new for every request (a retry too)
 * X-Hotline-Signature: sha256=hex(HMAC-SHA256(secret, timestamp "\n" nonce "\n" METHOD "\n" path?query "\n" body))
 * </pre>
 *
 * The method and the request target are signed with the body, so a signed request cannot be replayed on another
 * order's path or as another method; the timestamp bounds how long a captured request is worth anything, and the
 * receiver remembers the nonces it saw inside that window, so it is not worth anything twice.
 */
public final class HotlineSignature {

    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    public static final String NONCE_HEADER = "X-Hotline-Nonce";
    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    /** How far a request's timestamp may be from the receiver's clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "sha256=";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a request was refused, or {@code VALID}. Replays are the receiver's to detect (it keeps the nonces). */
    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, MISMATCH, REPLAYED
    }

    private HotlineSignature() {
    }

    /** A fresh nonce: 128 random bits in hex. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The {@code X-Hotline-Signature} value.
     *
     * @param target the request target as sent: the raw path and, if any, {@code ?} and the raw query
     */
    public static String sign(byte[] secret, long epochSeconds, String nonce, String method, String target,
                              byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + "\n" + nonce + "\n" + method.toUpperCase() + "\n" + target + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The three headers of a request sent now: timestamp, a fresh nonce, the signature. */
    public static Map<String, String> headers(byte[] secret, Instant now, String method, String target, byte[] body) {
        long timestamp = now.getEpochSecond();
        String nonce = newNonce();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP_HEADER, String.valueOf(timestamp));
        headers.put(NONCE_HEADER, nonce);
        headers.put(SIGNATURE_HEADER, sign(secret, timestamp, nonce, method, target, body));
        return headers;
    }

    /**
     * Checks a received request. Any of the {@code secrets} may have signed it, so a secret can be rotated
     * without a moment in which one side's requests are refused. The caller then checks the nonce is new.
     */
    public static Verdict verify(Iterable<byte[]> secrets, String timestampHeader, String nonceHeader,
                                 String signatureHeader, String method, String target, byte[] body, Instant now,
                                 Duration tolerance) {
        if (timestampHeader == null || nonceHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (!signatureHeader.startsWith(PREFIX) || !NONCE.matcher(nonceHeader).matches()) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] given = signatureHeader.getBytes(StandardCharsets.US_ASCII);
        for (byte[] secret : secrets) {
            // Constant time, so the comparison does not tell an attacker how many leading bytes were right.
            if (MessageDigest.isEqual(given, sign(secret, timestamp, nonceHeader, method, target, body)
                    .getBytes(StandardCharsets.US_ASCII))) {
                return Verdict.VALID;
            }
        }
        return Verdict.MISMATCH;
    }
}
