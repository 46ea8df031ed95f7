package io.gridloop.localstack;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C {@code traceparent} a test sends with a request or a record, so it can find the same trace id in spans and
 * logs afterwards. Ids made with OpenTelemetry's own helpers; sampled.
 */
record Traceparent(String traceId, String spanId) {

    static Traceparent random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Traceparent(TraceId.fromLongs(random.nextLong(), random.nextLong() | 1),
                SpanId.fromLong(random.nextLong() | 1));
    }

    /** The header's value: version 00, the ids, sampled. */
    String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }
}
