package io.gridloop.contracts;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    @Test
    void shouldWriteActionsByTheirWireNamesAndReadOnesAddedLaterAsUnknown() {
        var sample = SampleEvents.sampleFor(Topics.CASE_TRANSITIONED);
        String json = codec.encodeToString(sample);
        assertThat(json).contains("\"action\":\"route\"").contains("\"level\":\"DISTRICT\"");

        String newer = json.replace("\"action\":\"route\"", "\"action\":\"co-handle\"");

        CaseTransitioned read = codec.decode(Topics.CASE_TRANSITIONED, newer).data();
        assertThat(read.action()).isEqualTo(CaseAction.UNKNOWN);
        assertThat(read.toState()).isEqualTo(CaseState.ROUTED);
    }

    @Test
    void shouldNameTheSameActionsAndLevelsInTheSchemaAsInTheCode() throws Exception {
        JsonNode data = codec.mapper().readTree(getClass().getClassLoader()
                .getResourceAsStream(Topics.CASE_TRANSITIONED.schemaResource())).at("/$defs/data/properties");

        assertThat(data.at("/action/enum").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(Arrays.stream(CaseAction.values()).filter(a -> a != CaseAction.UNKNOWN)
                        .map(CaseAction::wireName).toList());
        assertThat(data.at("/level/enum").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AreaLevel.values()).map(Enum::name).toList());
    }
}
