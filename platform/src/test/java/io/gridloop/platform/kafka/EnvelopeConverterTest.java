package io.gridloop.platform.kafka;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.area.AreaLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.Message;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeConverterTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private final EventCodec codec = new EventCodec();
    private final EnvelopeConverter converter = new EnvelopeConverter(codec);

    private static Type envelopeOf(Class<?> data) {
        return ResolvableType.forClassWithGenerics(EventEnvelope.class, data).getType();
    }

    private ConsumerRecord<String, byte[]> area() {
        AreaRegistered area = new AreaRegistered("150105001", "大学东路街道", AreaLevel.STREET, "150105", true, T0);
        return new ConsumerRecord<>(Topics.AREA_REGISTERED.name(), 0, 0L, "150105001", codec.encode(
                EventEnvelope.of(Topics.AREA_REGISTERED, ServiceNames.INTAKE, T0, "150105001", area)));
    }

    @Test
    void shouldHandAListenerTheEnvelopeOfItsTopic() {
        Object payload = converter.toMessage(area(), null, null, envelopeOf(AreaRegistered.class)).getPayload();

        assertThat(payload).isInstanceOfSatisfying(EventEnvelope.class, e ->
                assertThat(((AreaRegistered) e.data()).name()).isEqualTo("大学东路街道"));
    }

    @Test
    void shouldRefuseAListenerThatNamesAnotherTopicsData() {
        assertThatThrownBy(() -> converter.toMessage(area(), null, null, envelopeOf(CaseTransitioned.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AreaRegistered");
    }

    @Test
    void shouldReportARecordThatIsNoEnvelopeAsUndecodable() {
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.AREA_REGISTERED.name(), 0, 1L, "x",
                "[]".getBytes(StandardCharsets.UTF_8));

        // A conversion failure, so a batch listener gets it beside the batch's other envelopes
        assertThatThrownBy(() -> converter.toMessage(poison, null, null, envelopeOf(AreaRegistered.class)))
                .isInstanceOf(ConversionException.class).hasCauseInstanceOf(UndecodableEventException.class);
    }

    @Test
    void shouldHandABatchListenerTheEnvelopesItCanReadAndTheFailureAtTheIndexOfTheOneItCannot() {
        ConsumerRecord<String, byte[]> good = area();
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.AREA_REGISTERED.name(), 0, 2L, "x",
                "[]".getBytes(StandardCharsets.UTF_8));
        BatchMessagingMessageConverter batch = new BatchMessagingMessageConverter(converter);

        Message<?> message = batch.toMessage(List.of(good, poison), null, null,
                ResolvableType.forClassWithGenerics(List.class, ResolvableType.forType(envelopeOf(AreaRegistered.class)))
                        .getType());

        List<?> payload = (List<?>) message.getPayload();
        assertThat(payload.get(0)).isInstanceOf(EventEnvelope.class);
        assertThat(payload.get(1)).isNull();
        List<?> failures = message.getHeaders().get(KafkaHeaders.CONVERSION_FAILURES, List.class);
        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(1)).isInstanceOf(ConversionException.class);
    }

    @Test
    void shouldLeaveTheBytesToAListenerThatTakesThem() {
        Object payload = converter.toMessage(area(), null, null, byte[].class).getPayload();

        assertThat(payload).isInstanceOf(byte[].class);
    }
}
