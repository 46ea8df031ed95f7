package io.gridloop.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemaTest {

    private final EventCodec codec = new EventCodec();

    static Stream<Topic<?>> topics() {
        return Topics.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldSerialiseEachRecordToJsonThatItsSchemaAccepts(Topic<?> topic) throws IOException {
        String json = codec.encodeToString(SampleEvents.sampleFor(topic));

        List<Error> errors = schemaOf(topic).validate(json, InputFormat.JSON);

        assertThat(errors).as(json).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldAcceptATransitionWithEveryOptionalFieldSet() throws IOException {
        String json = codec.encodeToString(EventEnvelope.of(Topics.CASE_TRANSITIONED, "e-1-7", ServiceNames.DISPATCH,
                SampleEvents.T0, "e-1", SampleEvents.caseClosed()));

        assertThat(schemaOf(Topics.CASE_TRANSITIONED).validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(json).contains("\"onTime\":true").contains("\"reworkCount\":1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldRoundTripEachRecordThroughTheCodec(Topic<?> topic) {
        EventEnvelope<?> sample = SampleEvents.sampleFor(topic);

        assertThat(codec.decode(topic, codec.encode(sample))).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldRejectARecordWhoseDataLacksARequiredField(Topic<?> topic) throws IOException {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.encode(SampleEvents.sampleFor(topic)));
        ObjectNode data = (ObjectNode) tree.get("data");
        data.remove(data.propertyNames().iterator().next());

        List<Error> errors = schemaOf(topic).validate(tree.toString(), InputFormat.JSON);

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldRejectARecordOfAnotherType(Topic<?> topic) throws IOException {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(codec.encode(SampleEvents.sampleFor(topic)));
        tree.put("type", "grid.something.else.v1");

        assertThat(schemaOf(topic).validate(tree.toString(), InputFormat.JSON)).isNotEmpty();
    }

    static Schema schemaOf(Topic<?> topic) throws IOException {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(topic.schemaResource())) {
            assertThat(in).as("schema %s on the classpath", topic.schemaResource()).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
