package io.gridloop.intake.patrol;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid workers' patrol log (巡查走访): recorded once, published, and read within reach. */
public class PatrolApiTest extends ServiceIntegrationTest {

    static final String GRID = "150105001001003";
    private static final String OTHER_GRID = "150105001001001";

    /** A grid worker of {@link #GRID} only, each test its own so their lists are theirs. */
    private final String workerId = "gw-p-" + UUID.randomUUID().toString().substring(0, 8);
    private final Identity worker = Identity.of(workerId, List.of("GRID_WORKER"), GRID);

    public static String patrol(String clientPatrolId, String grid, Instant start, Instant end) {
        return """
                {"clientPatrolId":"%s","kind":"HOUSEHOLD_VISIT","gridCode":"%s",
                 "startedAt":"%s","endedAt":"%s","notes":"走访独居老人3户，均安好",
                 "track":[{"latitude":40.81,"longitude":111.70},{"latitude":40.812,"longitude":111.702}]}"""
                .formatted(clientPatrolId, grid, start, end);
    }

    private static Instant hoursAgo(long hours) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(hours, ChronoUnit.HOURS);
    }

    private RestTestClient.ResponseSpec record(Identity who, String body) {
        return as(who).post().uri("/api/v1/patrols").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void shouldRecordAPatrolOncePublishItAndAnswerARetryWithTheSameRecord() {
        String client = UUID.randomUUID().toString();
        String body = patrol(client, GRID, hoursAgo(2), hoursAgo(1));

        PatrolView recorded = record(worker, body).expectStatus().isAccepted().expectBody(PatrolView.class)
                .returnResult().getResponseBody();
        PatrolView again = record(worker, body).expectStatus().isOk().expectBody(PatrolView.class)
                .returnResult().getResponseBody();

        assertThat(recorded.duplicate()).isFalse();
        assertThat(recorded.kindLabel()).isEqualTo("入户走访");
        assertThat(recorded.minutes()).isEqualTo(60);
        assertThat(recorded.districtName()).isEqualTo("赛罕区");
        assertThat(recorded.workerId()).isEqualTo(workerId);
        assertThat(again.patrolId()).isEqualTo(recorded.patrolId());
        assertThat(again.duplicate()).isTrue();
        List<PatrolRecorded> published = TopicReader.readAll(bootstrap, Topics.PATROL_RECORDED.name()).stream()
                .filter(r -> recorded.patrolId().equals(r.key()))
                .map(r -> new EventCodec().decode(Topics.PATROL_RECORDED, r.value()).data()).toList();
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PatrolKind.HOUSEHOLD_VISIT);
            assertThat(p.gridCode()).isEqualTo(GRID);
            assertThat(p.communityCode()).isEqualTo("150105001001");
            assertThat(p.streetCode()).isEqualTo("150105001");
            assertThat(p.track()).hasSize(2);
            assertThat(p.clientPatrolId()).isEqualTo(client);
        });
        // The same app id from another worker is another record.
        Identity colleague = Identity.of(workerId + "-2", List.of("GRID_WORKER"), GRID);
        PatrolView theirs = record(colleague, body).expectStatus().isAccepted().expectBody(PatrolView.class)
                .returnResult().getResponseBody();
        assertThat(theirs.patrolId()).isNotEqualTo(recorded.patrolId());
    }

    @Test
    void shouldLetAGridWorkerRecordOnlyTheirOwnPatrolsInTheirOwnGrids() {
        record(worker, patrol(UUID.randomUUID().toString(), OTHER_GRID, hoursAgo(2), hoursAgo(1)))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_AREA");
        record(Identity.of("op-p", List.of("OPERATOR"), "150105"),
                patrol(UUID.randomUUID().toString(), GRID, hoursAgo(2), hoursAgo(1)))
                .expectStatus().isForbidden();
    }

    @Test
    void shouldRefuseImpossibleRecordsNamingTheField() {
        record(worker, patrol("c-1", GRID, hoursAgo(1), hoursAgo(2))).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("PATROL_ENDS_BEFORE_START").jsonPath("$.field").isEqualTo("endedAt");
        record(worker, patrol("c-2", GRID, hoursAgo(1), hoursAgo(-2))).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("PATROL_IN_FUTURE").jsonPath("$.field").isEqualTo("endedAt");
        record(worker, patrol("c-3", GRID, hoursAgo(30), hoursAgo(1))).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("PATROL_TOO_LONG").jsonPath("$.title").isEqualTo("巡查走访时间过长");
        record(worker, patrol("c-4", GRID, hoursAgo(2), hoursAgo(1)).replace("HOUSEHOLD_VISIT", "SIGHTSEEING"))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        record(worker, patrol("c-5", GRID, hoursAgo(2), hoursAgo(1)).replace("\"kind\":\"HOUSEHOLD_VISIT\",", ""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        record(Identity.of(workerId, List.of("GRID_WORKER"), "150105"),
                patrol("c-6", "150105999999999", hoursAgo(2), hoursAgo(1))).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_GRID");
    }

    @Test
    void shouldListAWorkersOwnPatrolsAndTheAreasForCentresAndSupervisors() {
        PatrolView early = record(worker, patrol(UUID.randomUUID().toString(), GRID, hoursAgo(5), hoursAgo(4)))
                .expectBody(PatrolView.class).returnResult().getResponseBody();
        PatrolView late = record(worker, patrol(UUID.randomUUID().toString(), GRID, hoursAgo(2), hoursAgo(1)))
                .expectBody(PatrolView.class).returnResult().getResponseBody();

        as(worker).get().uri("/api/v1/patrols?size=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].patrolId").isEqualTo(late.patrolId());
        as(worker).get().uri("/api/v1/patrols?workerId=someone-else").exchange().expectStatus().isForbidden();
        as(Identity.of("sv-p", List.of("SUPERVISOR"), "150105001")).get()
                .uri("/api/v1/patrols?workerId={w}&areaCode=150105001001", workerId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[1].patrolId").isEqualTo(early.patrolId());
        as(Identity.of("op-xc", List.of("OPERATOR"), "150102")).get()
                .uri("/api/v1/patrols?workerId={w}", workerId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        as(Identity.of("op-xc", List.of("OPERATOR"), "150102")).get()
                .uri("/api/v1/patrols?areaCode=150105").exchange().expectStatus().isForbidden();
        as(Identity.of("op-xc", List.of("OPERATOR"), "150102")).get()
                .uri("/api/v1/patrols/{id}", late.patrolId()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PATROL_NOT_FOUND");
        // A day range in Beijing time: nothing began tomorrow.
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        as(worker).get().uri("/api/v1/patrols?from={d}", tomorrow).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        as(worker).get().uri("/api/v1/patrols?from=2026-12-10&to=2026-12-01").exchange().expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody().jsonPath("$.field").isEqualTo("to");
    }
}
