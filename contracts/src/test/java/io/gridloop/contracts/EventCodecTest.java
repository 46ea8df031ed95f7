package io.gridloop.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldRefuseBytesThatAreNotJson() {
        byte[] garbage = "\u0000\u00ffnot json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(Topics.EVENT_REPORTED, garbage))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("grid.event.reported.v1");
    }

    @Test
    void shouldRefuseAnEnvelopeOfAnotherTopicsType() {
        byte[] transition = codec.encode(SampleEvents.sampleFor(Topics.CASE_TRANSITIONED));

        assertThatThrownBy(() -> codec.decode(Topics.EVENT_REPORTED, transition))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void shouldRefuseAnEnvelopeWithoutData() {
        String json = """
                {"specversion":"1.0","id":"x","type":"grid.event.reported.v1","source":"intake-service",
                 "time":"2026-03-02T01:30:00Z","subject":"x"}""";

        assertThatThrownBy(() -> codec.decode(Topics.EVENT_REPORTED, json))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void shouldIgnoreFieldsAddedByANewerProducer() {
        String json = codec.encodeToString(SampleEvents.sampleFor(Topics.DISTRICT_STATS))
                .replace("\"districtCode\"", "\"addedLater\":42,\"districtCode\"");

        assertThat(codec.decode(Topics.DISTRICT_STATS, json).data().districtCode()).isEqualTo("150105");
    }

    @Test
    void shouldWriteTimesAsIsoStringsAndLeaveOutAbsentFields() {
        var sample = SampleEvents.sampleFor(Topics.CASE_TRANSITIONED);
        String json = codec.encodeToString(sample);

        assertThat(json).contains("\"time\":\"2026-03-02T01:30:00Z\"");
        assertThat(json).doesNotContain("null");
    }
}
