package io.gridloop.platform.kafka;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topic;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.UndecodableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.gridloop.platform.problem.ChangedMeanwhile;
import io.gridloop.platform.problem.Refusal;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.util.ArrayList;
import java.util.List;

/**
 * Kafka the same way in every service: every registry topic and its dead-letter topic declared, one publisher,
 * and listeners that retry a few times and then park the record on {@code <topic>.dlt} and carry on.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaSettings.class)
public class GridloopKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GridloopKafkaAutoConfiguration.class);

    /** Named so it reports as {@code kafka}, the name the readiness group in the shared defaults includes. */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaSettings settings) {
        return new KafkaHealthIndicator(kafkaAdmin, settings.healthTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Listeners take typed envelopes ({@code EventEnvelope<CaseTransitioned>}); Boot hands this to the factory. */
    @Bean
    EnvelopeConverter gridloopEnvelopeConverter(EventCodec codec) {
        return new EnvelopeConverter(codec);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        return new EventPublisher(template, codec);
    }

    /**
     * A producer closing while the broker is away would wait 30 s for it; at shutdown every send that matters has
     * been acknowledged already (services answer or commit only after Kafka did), so a few seconds are enough.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer gridloopProducerCloseTimeout(KafkaSettings settings) {
        return factory -> factory.setPhysicalCloseTimeout(
                (int) Math.max(1, settings.producerCloseTimeout().toSeconds()));
    }

    /**
     * Declares all topics in every service. Creation is "if absent", so whichever service starts first creates
     * them, and no service has to wait for another to start before it can subscribe.
     */
    @Bean
    KafkaAdmin.NewTopics gridloopTopics(KafkaSettings settings) {
        short replicationFactor = settings.replicationFactor();
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            TopicBuilder builder = TopicBuilder.name(topic.name())
                    .partitions(topic.partitions())
                    .replicas(replicationFactor);
            if (topic.compacted()) {
                builder.compact();
            }
            topics.add(builder.build());
            if (!topic.consumers().isEmpty()) {
                topics.add(TopicBuilder.name(topic.deadLetterTopic()).partitions(1).replicas(replicationFactor)
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Bounded retries with backoff for transient failures (database briefly away); records that can never be
     * decoded, and records the application refuses ({@link Refusal}), skip the retries. Either way the record
     * ends on the dead-letter topic, counted and logged, and the consumer moves on instead of looping.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
                                          KafkaSettings settings,
                                          @Value("${spring.application.name}") String service) {
        // Every topic this service consumes has its counter from the start, at 0: an alert on dead letters can
        // be written (and fires on the first one) before any has happened.
        for (Topic<?> topic : Topics.all()) {
            if (topic.consumers().contains(service)) {
                RecordMeters.deadLetters(meters, topic.name());
            }
        }
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (rec, ex) -> new TopicPartition(rec.topic() + ".dlt", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.listener().maxRetries());
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((rec, ex) -> {
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            log.error("Dead-lettering record {}-{}@{} key={}: {}", rec.topic(), rec.partition(), rec.offset(),
                    rec.key(), cause.toString());
            RecordMeters.deadLetters(meters, rec.topic()).increment();
            deadLetters.accept(rec, ex);
        }, backOff);
        // A record that cannot be read, or one the application turns down, fails the same way every time.
        handler.addNotRetryableExceptions(UndecodableEventException.class, Refusal.class);
        // …except a refusal because someone else changed the thing meanwhile, which may well pass next time.
        handler.addRetryableExceptions(ChangedMeanwhile.class);
        return handler;
    }

    /** Counts what this instance's listeners processed; Boot hands it to the listener container factory. */
    @Bean
    HandledRecords gridloopHandledRecords(MeterRegistry meters) {
        return new HandledRecords(meters);
    }
}
