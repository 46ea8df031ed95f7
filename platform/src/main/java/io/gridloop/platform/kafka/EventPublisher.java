package io.gridloop.platform.kafka;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.Topic;
import io.gridloop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes envelopes to their topic, keyed by the envelope's subject. The producer is idempotent with
 * {@code acks=all}: a completed send means every in-sync replica has the record.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;

    public EventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    public <T> CompletableFuture<SendResult<String, byte[]>> publish(Topic<T> topic, EventEnvelope<T> envelope) {
        if (!topic.name().equals(envelope.type())) {
            throw new IllegalArgumentException("envelope of type " + envelope.type() + " on topic " + topic.name());
        }
        return template.send(topic.name(), envelope.subject(), codec.encode(envelope));
    }

    /**
     * Publishes and waits for the broker's acknowledgement.
     *
     * @throws PublishFailedException if the broker did not acknowledge within {@code timeout}
     */
    public <T> void publishAndWait(Topic<T> topic, EventEnvelope<T> envelope, Duration timeout) {
        try {
            publish(topic, envelope).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // Kafka and Spring report a broker they cannot reach by throwing from send() itself.
            throw new PublishFailedException(topic, e);
        }
    }

    /** The broker did not acknowledge a record: it may or may not have been written. */
    public static class PublishFailedException extends RuntimeException {
        /** How long a client should wait before retrying a request that could not be published. */
        static final Duration RETRY_AFTER = Duration.ofSeconds(5);

        PublishFailedException(Topic<?> topic, Throwable cause) {
            super("Kafka did not acknowledge a record on " + topic.name() + ": " + cause, cause);
        }

        /** The answer to a request whose record Kafka did not take: 503 with Retry-After, nothing accepted. */
        public ApiException asProblem(String detail) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "暂时无法受理", detail)
                    .retryAfter(RETRY_AFTER);
        }
    }
}
