package io.gridloop.intake.duplicate;

import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.intake.CaseEvents;
import io.gridloop.intake.report.ReportReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LikelyDuplicatesTest extends ServiceIntegrationTest {

    /**
     * Somewhere in grid 150105001001003 of the demo registry, apart from other runs' spots — and at least 80 m
     * (280 m less the 200 m the test walks north) from the grid's centre, where other tests report and leave
     * their reports open.
     */
    private final double latitude = 40.7492 - ThreadLocalRandom.current().nextDouble(0.0025, 0.004);
    private final double longitude = 111.7147 + ThreadLocalRandom.current().nextDouble(-0.004, 0.004);

    private ReportReceipt report(String subCategory, String category, double northMetres) {
        double lat = latitude + northMetres / 111_000;
        return http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).body("""
                        {"clientEventId":"%s","source":"CITIZEN_PHOTO","category":"%s","subCategory":"%s",
                         "gridCode":"150105001001003","description":"随手拍","occurredAt":"2026-03-02T01:20:00Z",
                         "location":{"latitude":%s,"longitude":%s},"reporterId":"citizen-%s"}"""
                        .formatted(UUID.randomUUID(), category, subCategory, lat, longitude, UUID.randomUUID()))
                .exchange().expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult()
                .getResponseBody();
    }

    private void closeCase(String caseId) {
        CaseEvents.publish(bootstrap, caseId, 5, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED,
                ReportSource.CITIZEN_PHOTO, null);
    }

    @Test
    void shouldFlagAReportOfTheSameKindCloseByAndLinkTheEarliestOpenOne() {
        ReportReceipt first = report("MANHOLE", "HAZARD", 0);
        assertThat(first.likelyDuplicateOf()).isNull();

        ReportReceipt near = report("MANHOLE", "HAZARD", 30);
        assertThat(near.likelyDuplicateOf()).isEqualTo(first.eventId());
        assertThat(report("MANHOLE", "HAZARD", -40).likelyDuplicateOf()).as("the earliest").isEqualTo(first.eventId());
        assertThat(report("STREETLIGHT", "LIVELIHOOD", 10).likelyDuplicateOf()).as("another kind").isNull();
        assertThat(report("MANHOLE", "HAZARD", 200).likelyDuplicateOf()).as("too far").isNull();

        closeCase(first.eventId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(report("MANHOLE", "HAZARD", 5).likelyDuplicateOf())
                        .as("a closed case is no longer open to merge into").isEqualTo(near.eventId()));
    }
}
