package io.gridloop.platform.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.gridloop.infra.InMemoryMongo;
import io.gridloop.platform.lease.Leases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Old audit entries go, recent ones stay, and of several instances only the lease holder deletes. */
class AuditRetentionTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final MongoTemplate mongo =
            new MongoTemplate(MONGO.client(), "audit_" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    private void entry(String id, Duration age) {
        mongo.insert(new AuditEntry(id, now.minus(age), "dispatch-service", "gw-1", "张三", List.of("OPERATOR"),
                List.of("150105"), "150105", null, null, "POST", "/api/v1/cases/x/actions/accept", null, 200, "10.0.0.1",
                null, "test", "trace"), AuditTrail.COLLECTION);
    }

    private List<String> ids() {
        return mongo.findAll(AuditEntry.class, AuditTrail.COLLECTION).stream().map(AuditEntry::id).sorted().toList();
    }

    @Test
    void shouldDeleteEntriesOlderThanTheRetentionAndKeepTheRest() {
        entry("a-500-days", Duration.ofDays(500));
        entry("b-401-days", Duration.ofDays(401));
        entry("c-399-days", Duration.ofDays(399));
        entry("d-today", Duration.ofMinutes(5));

        new AuditRetention(mongo, new Leases(mongo, clock, "dispatch@a:8082", new SimpleMeterRegistry()), clock, Duration.ofDays(400), Duration.ofHours(6)).prune();

        assertThat(ids()).containsExactly("c-399-days", "d-today");
    }

    @Test
    void shouldLeaveThePruningToTheInstanceHoldingTheLease() {
        Leases first = new Leases(mongo, clock, "dispatch@a:8082", new SimpleMeterRegistry());
        Leases second = new Leases(mongo, clock, "dispatch@b:8082", new SimpleMeterRegistry());
        assertThat(first.hold("audit.retention", Duration.ofMinutes(30))).isTrue();
        entry("old", Duration.ofDays(500));

        new AuditRetention(mongo, second, clock, Duration.ofDays(400), Duration.ofHours(6)).prune();
        assertThat(ids()).as("the other instance holds the lease").containsExactly("old");

        new AuditRetention(mongo, first, clock, Duration.ofDays(400), Duration.ofHours(6)).prune();
        assertThat(ids()).isEmpty();
    }

    @Test
    void shouldRefuseARetentionShorterThanTheSixMonthsTheLawAsksFor() {
        assertThatThrownBy(() -> new AuditRetention(mongo, new Leases(mongo, clock, "x", new SimpleMeterRegistry()), clock, Duration.ofDays(90), Duration.ofHours(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six months");
    }
}
