package io.gridloop.hotline.outbox;

import io.gridloop.hotline.HotlineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy defaults = RetryPolicy.of(new HotlineSettings.Outbox(null, null, null, null, null, null, null));

    @Test
    void shouldDoubleTheWaitUpToTheCeiling() {
        assertThat(defaults.backoffAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoffAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoffAfter(8, 0.5)).isEqualTo(Duration.ofSeconds(256));
        assertThat(defaults.backoffAfter(9, 0.5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.backoffAfter(60, 0.5)).as("no overflow").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldSpreadTheWaitByAFifthEitherWay() {
        assertThat(defaults.backoffAfter(3, 0.0)).isEqualTo(Duration.ofMillis(6_400));
        assertThat(defaults.backoffAfter(3, 0.999_999)).isBetween(Duration.ofMillis(9_590), Duration.ofMillis(9_600));
    }

    @Test
    void shouldParkOnlyAfterTheLastAttempt() {
        assertThat(defaults.exhausted(9)).isFalse();
        assertThat(defaults.exhausted(10)).isTrue();
    }

    @Test
    void shouldRideOutATenMinuteOutageWithTheDefaultsWithoutParkingAnything() {
        // Even with every wait at its shortest, the tenth failure comes more than ten minutes after the first.
        assertThat(defaults.shortestTimeToPark()).isGreaterThan(Duration.ofMinutes(10));
    }
}
