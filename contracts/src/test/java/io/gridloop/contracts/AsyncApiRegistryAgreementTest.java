package io.gridloop.contracts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document is for people and tools, the registry for code: they must describe the same topics. */
class AsyncApiRegistryAgreementTest {

    private static Map<String, Object> doc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AsyncApiRegistryAgreementTest.class.getClassLoader()
                .getResourceAsStream("contracts/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = new Yaml().load(in);
        }
    }

    static Stream<Topic<?>> topics() {
        return Topics.all().stream();
    }

    @Test
    void shouldBeAnAsyncApi3Document() {
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
    }

    @Test
    void shouldDeclareExactlyTheRegistrysTopicsAndTheirDeadLetterTopics() {
        Set<String> expected = new HashSet<>();
        for (Topic<?> topic : Topics.all()) {
            expected.add(topic.name());
            if (!topic.consumers().isEmpty()) {
                expected.add(topic.deadLetterTopic());
            }
        }

        Set<String> declared = channels().values().stream()
                .map(channel -> (String) channel.get("address"))
                .collect(Collectors.toSet());

        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @SuppressWarnings("unchecked")
    void shouldAgreeOnPartitionsAndCleanupPolicy(Topic<?> topic) {
        Map<String, Object> kafka = map(map(channel(topic.name()).get("bindings")).get("kafka"));

        assertThat(kafka.get("partitions")).isEqualTo(topic.partitions());
        Map<String, Object> config = map(kafka.get("topicConfiguration"));
        assertThat((List<Object>) config.get("cleanup.policy")).containsExactly(topic.compacted() ? "compact" : "delete");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldAgreeOnKeyAndValueSchema(Topic<?> topic) {
        Map<String, Object> message = messageOf(channel(topic.name()));

        assertThat(message.get("name")).isEqualTo(topic.name());
        assertThat("contracts/" + map(message.get("payload")).get("$ref")).isEqualTo(topic.schemaResource());
        assertThat(getClass().getClassLoader().getResource(topic.schemaResource())).isNotNull();
        Map<String, Object> key = map(map(map(message.get("bindings")).get("kafka")).get("key"));
        assertThat(key.get("type")).isEqualTo("string");
        assertThat(key.get("description")).isEqualTo(topic.key());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldAgreeOnProducerAndConsumers(Topic<?> topic) {
        String channelRef = "#/channels/" + channelId(topic.name());
        List<String> senders = servicesOf("send", channelRef);
        List<String> receivers = servicesOf("receive", channelRef);

        assertThat(senders).containsExactly(topic.producer());
        assertThat(receivers).containsExactlyInAnyOrderElementsOf(topic.consumers());
    }

    private List<String> servicesOf(String action, String channelRef) {
        return map(doc.get("operations")).values().stream()
                .map(AsyncApiRegistryAgreementTest::map)
                .filter(op -> action.equals(op.get("action")))
                .filter(op -> channelRef.equals(map(op.get("channel")).get("$ref")))
                .map(op -> (String) op.get("x-service"))
                .toList();
    }

    private Map<String, Object> messageOf(Map<String, Object> channel) {
        Map<String, Object> messages = map(channel.get("messages"));
        assertThat(messages).hasSize(1);
        String ref = (String) map(messages.values().iterator().next()).get("$ref");
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return map(map(map(doc.get("components")).get("messages")).get(name));
    }

    private Map<String, Map<String, Object>> channels() {
        return map(doc.get("channels")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> map(e.getValue())));
    }

    private String channelId(String address) {
        return channels().entrySet().stream()
                .filter(e -> address.equals(e.getValue().get("address")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private Map<String, Object> channel(String address) {
        return channels().get(channelId(address));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
