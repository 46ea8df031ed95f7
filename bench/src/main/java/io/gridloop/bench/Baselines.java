package io.gridloop.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * This machine's limits, measured on the same broker and database the stack uses, with messages and documents of
 * the size gridloop's are (a transition event is about 1 KB of JSON): what gridloop's own rates are ratios of.
 */
final class Baselines {

    static final int MESSAGE_BYTES = 1_000;

    private Baselines() {
    }

    /** Produce (acks=all, idempotent, linger 5 ms, as the services do) and consume {@code count} messages. */
    static Map<String, Object> kafka(Stack stack, int count) throws Exception {
        String topic = "bench.baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        byte[] payload = new byte[MESSAGE_BYTES];
        Arrays.fill(payload, (byte) 'x');
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafka(),
                "acks", "all", "enable.idempotence", "true", "linger.ms", "5"), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), payload));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        long consumeStart = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.kafka(),
                "group.id", "bench-baseline-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "max.poll.records", "5000"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", count);
        m.put("messageBytes", MESSAGE_BYTES);
        m.put("producePerSecond", Math.round(count / produceSeconds));
        m.put("consumePerSecond", Math.round(read / consumeSeconds));
        m.put("produceAndConsumePerSecond", Math.round(count / (produceSeconds + consumeSeconds)));
        return m;
    }

    /** Inserts 1 KB documents one at a time and in batches of 1,000 into a scratch database. */
    static Map<String, Object> mongo(Stack stack, int single, int batched) {
        Map<String, Object> m = new LinkedHashMap<>();
        String pad = "x".repeat(MESSAGE_BYTES - 100);
        try (MongoClient client = MongoClients.create(stack.mongo())) {
            var db = client.getDatabase("bench_baseline_" + UUID.randomUUID().toString().substring(0, 8));
            MongoCollection<Document> docs = db.getCollection("docs");
            long start = System.nanoTime();
            for (int i = 0; i < single; i++) {
                docs.insertOne(new Document("_id", "one-" + i).append("n", i).append("pad", pad));
            }
            m.put("insertOnePerSecond", Math.round(single / ((System.nanoTime() - start) / 1e9)));
            start = System.nanoTime();
            for (int i = 0; i < batched; i += 1_000) {
                List<Document> batch = new ArrayList<>(1_000);
                for (int j = i; j < Math.min(batched, i + 1_000); j++) {
                    batch.add(new Document("_id", "many-" + j).append("n", j).append("pad", pad));
                }
                docs.insertMany(batch);
            }
            m.put("insertManyPerSecond", Math.round(batched / ((System.nanoTime() - start) / 1e9)));
            db.drop();
        }
        return m;
    }
}
