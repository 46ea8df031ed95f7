package io.gridloop.platform.lease;

import io.gridloop.infra.InMemoryMongo;
import io.gridloop.platform.MovingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances, one lease, on a real MongoDB-wire server: never both, and a dead holder's lease runs out. */
class LeasesTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final MongoTemplate mongo =
            new MongoTemplate(MONGO.client(), "leases_" + UUID.randomUUID().toString().substring(0, 8));

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final Leases a = new Leases(mongo, clock, "dispatch-a", new SimpleMeterRegistry());
    private final Leases b = new Leases(mongo, clock, "dispatch-b", new SimpleMeterRegistry());

    @Test
    void shouldLetOneInstanceHoldTheLeaseAndRenewItWhileTheOtherWaits() {
        assertThat(a.hold("watch", Duration.ofSeconds(30))).isTrue();
        assertThat(b.hold("watch", Duration.ofSeconds(30))).isFalse();
        clock.pass(Duration.ofSeconds(20));
        assertThat(a.hold("watch", Duration.ofSeconds(30))).as("renewed").isTrue();
        clock.pass(Duration.ofSeconds(20));
        assertThat(b.hold("watch", Duration.ofSeconds(30))).as("the renewal still runs").isFalse();
        assertThat(b.hold("another", Duration.ofSeconds(30))).as("leases are independent").isTrue();
    }

    @Test
    void shouldTellTheMetricsWhoHoldsEachLeaseAndWhenItsWorkLastRan() {
        SimpleMeterRegistry metersOfA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersOfB = new SimpleMeterRegistry();
        Leases first = new Leases(mongo, clock, "dispatch-a", metersOfA);
        Leases second = new Leases(mongo, clock, "dispatch-b", metersOfB);

        assertThat(first.runIfHeld("deadline-watch", Duration.ofSeconds(30), () -> { })).isTrue();
        assertThat(second.runIfHeld("deadline-watch", Duration.ofSeconds(30), () -> { })).isFalse();
        assertThat(metersOfA.get("gridloop.lease.held").tag("lease", "deadline-watch").gauge().value()).isEqualTo(1);
        assertThat(metersOfB.get("gridloop.lease.held").tag("lease", "deadline-watch").gauge().value()).isZero();
        assertThat(metersOfA.get("gridloop.lease.last.run").tag("lease", "deadline-watch").gauge().value())
                .isEqualTo(clock.instant().getEpochSecond());
        assertThat(metersOfB.get("gridloop.lease.last.run").tag("lease", "deadline-watch").gauge().value())
                .as("never ran here").isZero();

        first.releaseAll();
        assertThat(metersOfA.get("gridloop.lease.held").tag("lease", "deadline-watch").gauge().value()).isZero();
    }

    @Test
    void shouldHandTheLeaseOverWhenItsHolderStopsRenewingOrGivesItBack() {
        assertThat(a.hold("relay", Duration.ofSeconds(30))).isTrue();
        clock.pass(Duration.ofSeconds(31));
        assertThat(b.hold("relay", Duration.ofSeconds(30))).as("a's ran out").isTrue();
        assertThat(a.hold("relay", Duration.ofSeconds(30))).isFalse();

        b.releaseAll();
        assertThat(a.hold("relay", Duration.ofSeconds(30))).as("given back, taken at once").isTrue();
        assertThat(a.runIfHeld("relay", Duration.ofSeconds(30), () -> { })).isTrue();
        assertThat(b.runIfHeld("relay", Duration.ofSeconds(30), () -> {
            throw new AssertionError("b must not run while a holds the lease");
        })).isFalse();
    }

    @Test
    void shouldGiveTheLeaseToExactlyOneOfManyContenders() throws Exception {
        List<Leases> contenders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            contenders.add(new Leases(mongo, clock, "instance-" + i, new SimpleMeterRegistry()));
        }
        List<Callable<Boolean>> tries = contenders.stream()
                .<Callable<Boolean>>map(l -> () -> l.hold("scanner", Duration.ofMinutes(1))).toList();
        int winners = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                winners += f.get() ? 1 : 0;
            }
        }
        assertThat(winners).isEqualTo(1);
    }
}
