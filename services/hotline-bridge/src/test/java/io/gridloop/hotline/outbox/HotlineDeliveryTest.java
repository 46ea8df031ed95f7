package io.gridloop.hotline.outbox;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.hotline.client.HotlineClient;
import io.gridloop.hotline.client.HotlineUnavailableException;
import io.gridloop.hotline.order.OrderBook;
import io.gridloop.platform.lease.Leases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the relay does with one message when the call fails, decided without a database or a hotline. */
class HotlineDeliveryTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final Outbox outbox = mock(Outbox.class);
    private final HotlineClient client = mock(HotlineClient.class);
    private final HotlineDelivery relay = new HotlineDelivery(outbox, client, mock(OrderBook.class),
            Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry(),
            new HotlineSettings(null, "s".repeat(HotlineSettings.MIN_SECRET_BYTES), null, null, null, null, null,
                    new HotlineSettings.Outbox(null, null, 1, 3, Duration.ofSeconds(2), Duration.ofMinutes(5), null),
                    null, null, null),
            mock(Leases.class));

    private static OutboxMessage failedBefore(int attempts) {
        StatusSync sync = new StatusSync("c-3", "GD1", 3, SyncStatus.ACCEPTED, "签收受理", null, null, null, null, null,
                NOW);
        OutboxMessage m = OutboxMessage.sync("c", sync, NOW, NOW);
        return new OutboxMessage(m.id(), m.caseId(), m.orderNumber(), m.kind(), m.sequence(), m.sync(), null,
                m.status(), attempts, NOW, null, NOW, NOW, null);
    }

    @Test
    void shouldWaitAfterAFailureThatLeavesAttempts() {
        when(client.sendStatus(any())).thenThrow(new HotlineUnavailableException("HTTP 503"));

        assertThat(relay.deliver(failedBefore(1))).isEqualTo(HotlineDelivery.Result.FAILED);

        // Second failure: 4 s ± 20%.
        verify(outbox).failed(any(), eq("HTTP 503"),
                org.mockito.ArgumentMatchers.argThat(at -> !at.isBefore(NOW.plusMillis(3_200))
                        && !at.isAfter(NOW.plusMillis(4_800))));
        verify(outbox, never()).park(any(), anyString(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void shouldParkAfterTheLastAttemptFails() {
        when(client.sendStatus(any())).thenThrow(new HotlineUnavailableException("timed out"));

        assertThat(relay.deliver(failedBefore(2))).isEqualTo(HotlineDelivery.Result.PARKED);

        verify(outbox).park(any(), eq("timed out"), eq(true));
        verify(outbox, never()).failed(any(), anyString(), any());
    }

    @Test
    void shouldCountNoAttemptForACallTheBreakerRefused() {
        when(client.sendStatus(any())).thenThrow(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("hotline")));

        assertThat(relay.deliver(failedBefore(2))).isEqualTo(HotlineDelivery.Result.NOT_ATTEMPTED);

        verify(outbox, never()).failed(any(), anyString(), any());
        verify(outbox, never()).park(any(), anyString(), org.mockito.ArgumentMatchers.anyBoolean());
        verify(outbox, never()).delivered(any(), any());
    }
}
