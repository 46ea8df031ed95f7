package io.gridloop.stats.streams;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter of the counting is logged with the trace id its record came with (the fault suite reads it). */
class DeadLettersTest {

    private static RecordHeaders with(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    @Test
    void shouldReadTheTraceIdOfAW3cTraceparentOnly() {
        assertThat(DeadLetters.traceIdOf(with("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(DeadLetters.traceIdOf(with("garbage"))).isEmpty();
        assertThat(DeadLetters.traceIdOf(with("00-short-00f067aa0ba902b7-01"))).isEmpty();
        assertThat(DeadLetters.traceIdOf(new RecordHeaders())).isEmpty();
    }
}
