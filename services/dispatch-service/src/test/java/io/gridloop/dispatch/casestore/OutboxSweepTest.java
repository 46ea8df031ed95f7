package io.gridloop.dispatch.casestore;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.deadline.Deadlines;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sweep drops markers that announce an entry no case holds: a write that never happened, a case gone. */
class OutboxSweepTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    OutboxRelay relay;

    @Autowired
    PendingOutbox pending;

    @Autowired
    MongoTemplate mongo;

    private boolean marked(String markerId) {
        return pending.olderThan(Instant.now().plusSeconds(60)).stream().anyMatch(m -> m.id().equals(markerId));
    }

    @Test
    void shouldDropOldMarkersWhoseEntryNoCaseHolds() {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        CaseFile opened = CaseFile.open("2026120715010400001", Reports.of(id, "MANHOLE", "150104001001001", "玉泉区",
                now), Optional.of(RoutingDecision.manual(new HandlingUnit("150104", "玉泉区网格化服务管理中心",
                AreaLevel.DISTRICT))), new Deadlines(now, now, now), now);
        assertThat(cases.insertNew(opened)).isTrue();
        relay.relay(id);
        Instant longAgo = now.minus(Duration.ofHours(1));
        // Two markers of that case for writes that never happened, one of a case that does not exist.
        for (PendingOutbox.Marker m : java.util.List.of(new PendingOutbox.Marker("gone-1-" + id, id, longAgo),
                new PendingOutbox.Marker("gone-2-" + id, id, longAgo),
                new PendingOutbox.Marker("gone-3-" + id, "no-such-" + id, longAgo))) {
            mongo.insert(m, PendingOutbox.COLLECTION);
        }

        relay.sweep();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(marked("gone-1-" + id)).isFalse();
            assertThat(marked("gone-2-" + id)).isFalse();
            assertThat(marked("gone-3-" + id)).isFalse();
        });
        assertThat(cases.find(id).orElseThrow().outbox()).isEmpty();
    }
}
