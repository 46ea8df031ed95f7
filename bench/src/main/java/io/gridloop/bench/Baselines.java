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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        String topic = scratchTopic(stack, "bench.baseline.");
        byte[] payload = new byte[MESSAGE_BYTES];
        Arrays.fill(payload, (byte) 'x');
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(stack)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), payload));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        long consumeStart = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
        dropTopic(stack, topic);
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

    /**
     * The stack's CPU for one crossing of each kind, each measured alone against the idle stack: a database update
     * of one field of a case-sized document by {@code _id}, one Kafka record produced (acks=all) and consumed, and
     * one authenticated HTTP request answered by a service's cheapest API. The harness's own CPU is not counted,
     * nor the services' side of a database or Kafka call, so these are lower bounds: the crossings per case times
     * these is a floor no implementation of the same crossings gets under.
     */
    static Map<String, Object> unitCosts(Stack stack, int count) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        String pad = "x".repeat(2_000); // a case document is about 2 KB
        try (MongoClient client = MongoClients.create(stack.mongo())) {
            var db = client.getDatabase("bench_unit_" + UUID.randomUUID().toString().substring(0, 8));
            MongoCollection<Document> docs = db.getCollection("docs");
            for (int i = 0; i < 100; i++) {
                docs.insertOne(new Document("_id", "case-" + i).append("n", 0).append("pad", pad));
            }
            m.put("databaseUpdateMs", cpuMsPerOp(stack, count, i -> docs.updateOne(
                    new Document("_id", "case-" + (i % 100)), new Document("$set", new Document("n", i)))));
            m.put("databaseFindMs", cpuMsPerOp(stack, count, i -> docs.find(
                    new Document("_id", "case-" + (i % 100))).first()));
            db.drop();
        }
        String topic = scratchTopic(stack, "bench.unit.");
        byte[] payload = new byte[MESSAGE_BYTES];
        try (KafkaProducer<String, byte[]> producer = producer(stack);
             KafkaConsumer<String, byte[]> consumer = consumer(stack, topic)) {
            // In batches, as busy services send and read them: the broker's cheapest case, so a lower bound.
            int batch = 1_000;
            m.put("kafkaRecordMs", cpuMsPerOp(stack, count * 5 / batch, i -> {
                for (int r = 0; r < batch; r++) {
                    producer.send(new ProducerRecord<>(topic, "k" + r, payload));
                }
                producer.flush();
                int got = 0;
                while (got < batch) {
                    got += consumer.poll(Duration.ofMillis(100)).count();
                }
            }) / batch);
        }
        dropTopic(stack, topic);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest cheapest = HttpRequest.newBuilder(URI.create(stack.url(Stack.DISPATCH, "/api/v1/vocabulary")))
                .header("Authorization", stack.authorization()).build();
        m.put("httpRequestMs", cpuMsPerOp(stack, count, i -> {
            try {
                HttpResponse<Void> r = http.send(cheapest, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/v1/vocabulary answered " + r.statusCode());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        return m;
    }

    /**
     * A new 6-partition topic named {@code prefix} + a random id, once every partition has a leader: an idempotent
     * producer that meets a partition without one can fall into retrying out-of-order sequence numbers for good
     * (seen here). The broker elects the leaders after {@code createTopics} has returned and tells nobody when, so
     * the only way to know is to ask its metadata again, every 100 ms, for at most 30 s.
     */
    private static String scratchTopic(Stack stack, String prefix) throws Exception {
        String topic = prefix + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " has partitions without a leader after 30 s");
                }
                Thread.sleep(100); // no notice of an election exists: wait before asking the broker again
            }
        }
        return topic;
    }

    private static void dropTopic(Stack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    /** A producer set up as the services' are: acks=all, idempotent, linger 5 ms. */
    private static KafkaProducer<String, byte[]> producer(Stack stack) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafka(), "acks", "all",
                "enable.idempotence", "true", "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of {@code topic} from its start, in a group of its own. */
    private static KafkaConsumer<String, byte[]> consumer(Stack stack, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.kafka(),
                "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "max.poll.records", "5000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * The stack's CPU milliseconds per call of {@code op}, after a fifth of {@code count} calls to warm it up, without
     * what the JIT compiler spent meanwhile (a district's year pays that once).
     */
    private static double cpuMsPerOp(Stack stack, int count, java.util.function.IntConsumer op) {
        for (int i = 0; i < Math.max(1, count / 5); i++) {
            op.accept(i);
        }
        ProcStats before = stack.usage();
        ThreadCpu threadsBefore = ThreadCpu.of(stack.pid());
        for (int i = 0; i < count; i++) {
            op.accept(i);
        }
        double jit = ThreadCpu.of(stack.pid()).since(threadsBefore).getOrDefault("JIT compiler", 0.0);
        double ms = (stack.usage().cpuSeconds() - before.cpuSeconds() - jit) * 1000 / count;
        return Math.round(ms * 1000) / 1000.0;
    }
}
