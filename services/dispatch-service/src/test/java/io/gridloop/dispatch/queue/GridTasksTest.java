package io.gridloop.dispatch.queue;

import io.gridloop.contracts.event.ReportSource;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 小事不出网格: a matter the catalogue handles at grid level (邻里纠纷, 环境卫生) is the grid's own — its grid
 * workers work it as its handling unit, and the centre above reviews and closes it.
 */
class GridTasksTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    private final String district = "15" + (10 + ThreadLocalRandom.current().nextInt(89)) + "3"
            + ThreadLocalRandom.current().nextInt(1, 10);
    private final String grid = district + "001002003";
    private final Identity worker = Identity.of("gw-" + district, List.of("GRID_WORKER"), grid);
    private final Identity neighbour = Identity.of("gw-next-" + district, List.of("GRID_WORKER"), district + "001002004");
    private final Identity community = Identity.of("centre-" + district, List.of("OPERATOR"), grid.substring(0, 12));

    private CaseFile dispute() {
        return Reports.opened(bootstrap, cases, Reports.of(UUID.randomUUID().toString(), ReportSource.GRID_PATROL,
                "NEIGHBOUR_DISPUTE", grid, "测试区", Instant.now(), null));
    }

    private void act(Identity who, String caseId, String action, String comment) {
        as(who).post().uri("/api/v1/cases/{id}/actions/{a}", caseId, action).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"" + comment + "\"}").exchange().expectStatus().isOk();
    }

    @Test
    void shouldLetTheGridsWorkerHandleTheGridsCaseAndTheCommunityCentreCloseIt() {
        CaseFile dispute = dispute();
        assertThat(dispute.handling().unitCode()).isEqualTo(grid);

        // 网格任务: the grid's queue, for its own workers.
        as(worker).get().uri("/api/v1/queues/{grid}", grid).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(dispute.id()));
        as(worker).get().uri("/api/v1/cases/{id}", dispute.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.actions[*].action").value(actions -> assertThat(((List<?>) actions).stream()
                        .map(String::valueOf).toList())
                        .contains("claim", "accept", "escalate").doesNotContain("close", "rework", "reassign"));
        act(worker, dispute.id(), "claim", "");
        act(worker, dispute.id(), "accept", "");
        act(worker, dispute.id(), "feedback", "已上门调解，双方达成一致");
        assertThat(cases.find(dispute.id()).orElseThrow().timeline().getLast().role()).isEqualTo("GRID_WORKER");

        // The worker may not judge their own work; the community centre does.
        as(worker).post().uri("/api/v1/cases/{id}/actions/close", dispute.id()).exchange().expectStatus()
                .isForbidden();
        act(community, dispute.id(), "close", "回访确认已解决");
        assertThat(cases.find(dispute.id()).orElseThrow().state().name()).isEqualTo("CLOSED");
    }

    @Test
    void shouldKeepAnotherGridsWorkerOut() {
        CaseFile dispute = dispute();
        as(neighbour).get().uri("/api/v1/cases/{id}", dispute.id()).exchange().expectStatus().isNotFound();
        as(neighbour).get().uri("/api/v1/queues/{grid}", grid).exchange().expectStatus().isForbidden();
        as(neighbour).post().uri("/api/v1/cases/{id}/actions/accept", dispute.id()).exchange().expectStatus()
                .isNotFound();
    }
}
