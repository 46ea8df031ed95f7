package io.gridloop.contracts.hotline;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.gridloop.contracts.hotline.HotlineSignature.Verdict.MALFORMED;
import static io.gridloop.contracts.hotline.HotlineSignature.Verdict.MISMATCH;
import static io.gridloop.contracts.hotline.HotlineSignature.Verdict.MISSING;
import static io.gridloop.contracts.hotline.HotlineSignature.Verdict.STALE;
import static io.gridloop.contracts.hotline.HotlineSignature.Verdict.VALID;
import static org.assertj.core.api.Assertions.assertThat;

class HotlineSignatureTest {

    private static final byte[] SECRET = "s3cret-12345".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"orderNumber\":\"GD1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final long TS = NOW.getEpochSecond();
    private static final String NONCE = "0123456789abcdef";
    private static final String TARGET = "/api/v1/orders/GD1/status";

    private static String sign(byte[] secret, long ts) {
        return HotlineSignature.sign(secret, ts, NONCE, "POST", TARGET, BODY);
    }

    private static HotlineSignature.Verdict verify(String ts, String sig, byte[] body, List<byte[]> secrets) {
        return verify(ts, NONCE, sig, "POST", TARGET, body, secrets);
    }

    private static HotlineSignature.Verdict verify(String ts, String nonce, String sig, String method, String target,
                                                   byte[] body, List<byte[]> secrets) {
        return HotlineSignature.verify(secrets, ts, nonce, sig, method, target, body, NOW, Duration.ofMinutes(5));
    }

    @Test
    void shouldMatchAnIndependentlyComputedHmac() {
        // Computed outside Java:
        // printf '1700000000\n0123456789abcdef\nPOST\n/api/v1/orders/GD1/status\nabc' | openssl dgst -sha256 -hmac key
        assertThat(HotlineSignature.sign("key".getBytes(StandardCharsets.UTF_8), 1_700_000_000L, NONCE, "POST",
                TARGET, "abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=44eaed39d037128add126b1fd1020667fe328e0821c2a7014a3054c500230c71");
    }

    @Test
    void shouldAcceptWhatWasSignedWithTheSameSecretAndTime() {
        assertThat(verify(String.valueOf(TS), sign(SECRET, TS), BODY, List.of(SECRET))).isEqualTo(VALID);
        var headers = HotlineSignature.headers(SECRET, NOW, "POST", TARGET, BODY);
        assertThat(verify(headers.get(HotlineSignature.TIMESTAMP_HEADER), headers.get(HotlineSignature.NONCE_HEADER),
                headers.get(HotlineSignature.SIGNATURE_HEADER), "POST", TARGET, BODY, List.of(SECRET)))
                .isEqualTo(VALID);
        assertThat(HotlineSignature.headers(SECRET, NOW, "POST", TARGET, BODY).get(HotlineSignature.NONCE_HEADER))
                .as("a new nonce for every request").isNotEqualTo(headers.get(HotlineSignature.NONCE_HEADER));
    }

    @Test
    void shouldAcceptEitherSecretDuringARotation() {
        byte[] next = "next-secret".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(String.valueOf(TS), sign(next, TS), BODY, List.of(SECRET, next))).isEqualTo(VALID);
    }

    @Test
    void shouldRefuseAChangedBodyAnotherSecretOrAMovedTimestamp() {
        String signature = sign(SECRET, TS);
        byte[] changed = "{\"orderNumber\":\"GD2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verify(String.valueOf(TS), signature, changed, List.of(SECRET))).isEqualTo(MISMATCH);
        assertThat(verify(String.valueOf(TS), signature, BODY, List.of("other".getBytes()))).isEqualTo(MISMATCH);
        assertThat(verify(String.valueOf(TS + 1), signature, BODY, List.of(SECRET))).isEqualTo(MISMATCH);
    }

    /** A signed visit cannot be replayed on another order's path, as another method or with another nonce. */
    @Test
    void shouldRefuseTheSameSignatureOnAnotherPathMethodOrNonce() {
        String signature = sign(SECRET, TS);
        String ts = String.valueOf(TS);

        assertThat(verify(ts, NONCE, signature, "POST", "/api/v1/orders/GD2/status", BODY, List.of(SECRET)))
                .isEqualTo(MISMATCH);
        assertThat(verify(ts, NONCE, signature, "PUT", TARGET, BODY, List.of(SECRET))).isEqualTo(MISMATCH);
        assertThat(verify(ts, NONCE, signature, "POST", TARGET + "?x=1", BODY, List.of(SECRET))).isEqualTo(MISMATCH);
        assertThat(verify(ts, "fedcba9876543210", signature, "POST", TARGET, BODY, List.of(SECRET)))
                .isEqualTo(MISMATCH);
    }

    @Test
    void shouldRefuseRequestsOutsideTheToleranceEitherWay() {
        long old = TS - 301;
        long future = TS + 301;
        assertThat(verify(String.valueOf(old), sign(SECRET, old), BODY, List.of(SECRET))).isEqualTo(STALE);
        assertThat(verify(String.valueOf(future), sign(SECRET, future), BODY, List.of(SECRET))).isEqualTo(STALE);
        long edge = TS - 300;
        assertThat(verify(String.valueOf(edge), sign(SECRET, edge), BODY, List.of(SECRET))).isEqualTo(VALID);
    }

    @Test
    void shouldTellMissingFromMalformedHeaders() {
        assertThat(verify(null, "sha256=00", BODY, List.of(SECRET))).isEqualTo(MISSING);
        assertThat(verify(String.valueOf(TS), null, BODY, List.of(SECRET))).isEqualTo(MISSING);
        assertThat(verify(String.valueOf(TS), null, "sha256=00", "POST", TARGET, BODY, List.of(SECRET)))
                .isEqualTo(MISSING);
        assertThat(verify("yesterday", "sha256=00", BODY, List.of(SECRET))).isEqualTo(MALFORMED);
        assertThat(verify(String.valueOf(TS), "md5=00", BODY, List.of(SECRET))).isEqualTo(MALFORMED);
        assertThat(verify(String.valueOf(TS), "short", "sha256=00", "POST", TARGET, BODY, List.of(SECRET)))
                .isEqualTo(MALFORMED);
    }
}
