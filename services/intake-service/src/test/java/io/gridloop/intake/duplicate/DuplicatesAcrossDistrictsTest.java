package io.gridloop.intake.duplicate;

import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.contracts.event.Urgency;
import io.gridloop.infra.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two reports on either side of a district border, metres apart: neither is named as the other's duplicate,
 * since merging is each district centre's own and the hint would tell one district of the other's case.
 */
class DuplicatesAcrossDistrictsTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final LikelyDuplicates duplicates = new LikelyDuplicates(
            new MongoTemplate(MONGO.client(), "dup_" + UUID.randomUUID().toString().substring(0, 8)),
            new DuplicateSettings(50, Duration.ofHours(24)));
    private final Instant now = Instant.parse("2026-12-06T03:00:00Z");
    private final GeoPoint border = new GeoPoint(40.8123, 111.6789);

    private static EventReported report(String id, String district, GeoPoint at, Instant when) {
        return new EventReported(id, "c-" + id, "gw-1", ReportSource.GRID_PATROL, EventCategory.HAZARD, "MANHOLE",
                "井盖缺失破损", Complexity.GENERAL, AreaLevel.STREET, Urgency.NORMAL, district + "001001001",
                district + "001001", "社区", district + "001", "街道", district, "区", "井盖缺失", at, when, when,
                null, null, List.of());
    }

    @Test
    void shouldNameOnlyAnEarlierReportOfTheSameDistrict() {
        duplicates.remember(report("xincheng-1", "150102", border, now.minusSeconds(60)));

        assertThat(duplicates.earlierReportNear("MANHOLE", border, now, "150105")).isEmpty();
        assertThat(duplicates.earlierReportNear("MANHOLE", border, now, "150102")).contains("xincheng-1");
    }
}
