package io.gridloop.platform.kafka;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.platform.problem.ChangedMeanwhile;
import io.gridloop.platform.problem.Refusal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a listener's failure leads to: retried when it may pass, dead-lettered at once when it never will. */
class ListenerFailuresTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    private final DefaultErrorHandler handler;

    ListenerFailuresTest() {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        handler = new GridloopKafkaAutoConfiguration().kafkaErrorHandler(template, meters,
                new KafkaSettings(null, null, null, new KafkaSettings.Listener(3)), ServiceNames.DISPATCH);
    }

    private boolean fail(Exception cause, long offset) {
        ConsumerRecord<String, byte[]> rec = new ConsumerRecord<>(Topics.REOPEN_REQUESTED.name(), 0, offset, "c-1",
                new byte[]{'{', '}'});
        return handler.handleOne(new ListenerExecutionFailedException("listener failed", cause), rec,
                mock(Consumer.class), mock(MessageListenerContainer.class));
    }

    private double deadLetters() {
        return meters.get("gridloop.kafka.dead.letters").tag("topic", Topics.REOPEN_REQUESTED.name()).counter()
                .count();
    }

    @Test
    void shouldDeadLetterWhatTheApplicationRefusesAtTheFirstFailure() {
        boolean parked = fail(Refusal.notFound("CASE_NOT_FOUND", "案件不存在", "没有编号为 c-1 的案件"), 7);

        assertThat(parked).isTrue();
        assertThat(deadLetters()).isEqualTo(1);
        verify(template, times(1)).send(any(ProducerRecord.class));
    }

    @Test
    void shouldRetryARefusalBecauseOfAChangeMeanwhile() {
        assertThat(fail(new ChangedMeanwhile("CONCURRENT_MODIFICATION", "案件正被他人修改", "请重试"), 9))
                .as("first failure: retried").isFalse();
        assertThat(deadLetters()).isZero();
    }

    @Test
    void shouldRetryAFailureThatMayPassBeforeDeadLetteringIt() {
        Exception databaseAway = new DataAccessResourceFailureException("database briefly away");

        assertThat(fail(databaseAway, 8)).as("first failure: retried").isFalse();
        assertThat(deadLetters()).isZero();
        verify(template, never()).send(any(ProducerRecord.class));
        assertThat(fail(databaseAway, 8)).isFalse();
        assertThat(fail(databaseAway, 8)).isFalse();
        assertThat(fail(databaseAway, 8)).as("retries spent").isTrue();
        assertThat(deadLetters()).isEqualTo(1);
    }
}
