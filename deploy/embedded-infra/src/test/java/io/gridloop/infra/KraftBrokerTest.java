package io.gridloop.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KraftBrokerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestart() throws Exception {
        int port = FreePort.next();
        int controllerPort = FreePort.next();

        try (KraftBroker broker = KraftBroker.start(dir, port, controllerPort);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("restart-check", "k", "survives")).get();
        }

        try (KraftBroker broker = KraftBroker.start(dir, port, controllerPort);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     "bootstrap.servers", broker.bootstrapServers(), "group.id", "restart-check",
                     "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            assertThat(admin.listTopics().names().get()).contains("restart-check");

            consumer.subscribe(Set.of("restart-check"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
                    values.add(rec.value());
                }
            }
            assertThat(values).containsExactly("survives");
        }
    }
}
