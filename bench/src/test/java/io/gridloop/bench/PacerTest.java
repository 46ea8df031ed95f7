package io.gridloop.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    @Test
    void shouldSpaceRequestsEvenlyFromTheStartWhateverHappensToThem() {
        Pacer pacer = new Pacer(1_000, 2_000);

        assertThat(pacer.dueNanos(0)).isEqualTo(1_000);
        assertThat(pacer.dueNanos(1)).isEqualTo(501_000);
        assertThat(pacer.dueNanos(2_000)).isEqualTo(1_000_001_000L);
    }

    @Test
    void shouldCountTheRequestsDueByATime() {
        Pacer pacer = new Pacer(0, 1_000);

        assertThat(pacer.dueBy(-1)).isZero();
        assertThat(pacer.dueBy(0)).isEqualTo(1);
        assertThat(pacer.dueBy(999_999)).isEqualTo(1);
        assertThat(pacer.dueBy(1_000_000)).isEqualTo(2);
        assertThatThrownBy(() -> new Pacer(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
