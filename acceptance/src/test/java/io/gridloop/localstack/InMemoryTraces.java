package io.gridloop.localstack;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.Collection;
import java.util.List;

/**
 * For tests only: every service of a stack in this JVM started with {@code gridloop.test.in-memory-traces=true}
 * exports its spans here as well, beside whatever OTLP endpoint is configured — so a test can follow one trace
 * from service to service. Off by default: the fault suite would otherwise keep every span it makes.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "gridloop.test.in-memory-traces", havingValue = "true")
public class InMemoryTraces {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    /** The spans every service has finished and exported so far. */
    static List<SpanData> spans() {
        return SPANS.getFinishedSpanItems();
    }

    @Bean
    SpanExporter inMemorySpanExporter() {
        // Shared by the five services' contexts: one stopping must not stop the others' export.
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return SPANS.export(spans);
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
