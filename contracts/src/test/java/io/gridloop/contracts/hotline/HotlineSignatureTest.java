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

    private static HotlineSignature.Verdict verify(String ts, String sig, byte[] body, List<byte[]> secrets) {
        return HotlineSignature.verify(secrets, ts, sig, body, NOW, Duration.ofMinutes(5));
    }

    @Test
    void shouldMatchAnIndependentlyComputedHmac() {
        // Computed outside Java: printf '1700000000\nabc' | openssl dgst -sha256 -hmac key
        assertThat(HotlineSignature.sign("key".getBytes(StandardCharsets.UTF_8), 1_700_000_000L,
                "abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=b44f1086dd57a071c32ecbb16b986a0bf9f6db34e64d3b29bbc57d13564c5c4c");
    }

    @Test
    void shouldAcceptWhatWasSignedWithTheSameSecretAndTime() {
        assertThat(verify(String.valueOf(TS), HotlineSignature.sign(SECRET, TS, BODY), BODY, List.of(SECRET)))
                .isEqualTo(VALID);
    }

    @Test
    void shouldAcceptEitherSecretDuringARotation() {
        byte[] next = "next-secret".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(String.valueOf(TS), HotlineSignature.sign(next, TS, BODY), BODY, List.of(SECRET, next)))
                .isEqualTo(VALID);
    }

    @Test
    void shouldRefuseAChangedBodyAnotherSecretOrAMovedTimestamp() {
        String signature = HotlineSignature.sign(SECRET, TS, BODY);
        byte[] changed = "{\"orderNumber\":\"GD2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verify(String.valueOf(TS), signature, changed, List.of(SECRET))).isEqualTo(MISMATCH);
        assertThat(verify(String.valueOf(TS), signature, BODY, List.of("other".getBytes()))).isEqualTo(MISMATCH);
        assertThat(verify(String.valueOf(TS + 1), signature, BODY, List.of(SECRET))).isEqualTo(MISMATCH);
    }

    @Test
    void shouldRefuseRequestsOutsideTheToleranceEitherWay() {
        long old = TS - 301;
        long future = TS + 301;
        assertThat(verify(String.valueOf(old), HotlineSignature.sign(SECRET, old, BODY), BODY, List.of(SECRET)))
                .isEqualTo(STALE);
        assertThat(verify(String.valueOf(future), HotlineSignature.sign(SECRET, future, BODY), BODY,
                List.of(SECRET))).isEqualTo(STALE);
        long edge = TS - 300;
        assertThat(verify(String.valueOf(edge), HotlineSignature.sign(SECRET, edge, BODY), BODY, List.of(SECRET)))
                .isEqualTo(VALID);
    }

    @Test
    void shouldTellMissingFromMalformedHeaders() {
        assertThat(verify(null, "sha256=00", BODY, List.of(SECRET))).isEqualTo(MISSING);
        assertThat(verify(String.valueOf(TS), null, BODY, List.of(SECRET))).isEqualTo(MISSING);
        assertThat(verify("yesterday", "sha256=00", BODY, List.of(SECRET))).isEqualTo(MALFORMED);
        assertThat(verify(String.valueOf(TS), "md5=00", BODY, List.of(SECRET))).isEqualTo(MALFORMED);
    }
}
