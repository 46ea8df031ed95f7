package io.gridloop.localstack;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenario against a real Kafka and a real MongoDB (a replica set) in containers. Skipped where no
 * Docker engine runs — such as the machines gridloop is built on — and run wherever one does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersClosedLoopTest extends ClosedLoopScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    protected String mongoUri() {
        return MONGO.getConnectionString();
    }
}
