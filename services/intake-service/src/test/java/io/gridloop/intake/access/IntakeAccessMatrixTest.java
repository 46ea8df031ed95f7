package io.gridloop.intake.access;

import io.gridloop.infra.AccessMatrix;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.intake.report.ReportApiTest;
import io.gridloop.intake.report.ReportReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Intake's endpoints × every role inside 赛罕区 (150105) and inside 新城区 (150102) × anonymous: grid workers
 * report in their own grids as themselves, centres and channels for their areas, administrators change the
 * registry of their areas, and nobody reads a report outside their reach.
 */
class IntakeAccessMatrixTest extends ServiceIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private static final String GRID = "150105001001003";
    private static final String OTHER_GRID = "150102001001001";
    private static final String GW = "GRID_WORKER@" + GRID;

    private RestTestClient client(Identity who) {
        return who == null ? anonymous : as(who);
    }

    private static RestTestClient.ResponseSpec report(RestTestClient c, String reporter) {
        return c.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), reporter, GRID)).exchange();
    }

    @Test
    void shouldLetEachRoleDoOnlyWhatItMayInItsOwnAreas() {
        // A report a citizen app (a reporting channel) filed for one of its users.
        String appsOwn = as(APP_IN).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), "citizen-7", GRID)
                        .replace("GRID_PATROL", "CITIZEN_PHOTO")).exchange()
                .expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult().getResponseBody()
                .eventId();
        String mine = as(worker("gw-in", GRID)).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), "gw-in", GRID)).exchange()
                .expectStatus().isAccepted().expectBody(ReportReceipt.class).returnResult().getResponseBody()
                .eventId();
        // A report with a photo, by the grid worker who took it; and a request of an Open311 client.
        String photo = as(worker("gw-in", GRID)).post().uri("/api/v1/photos").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(io.gridloop.infra.TestPhotos.form((byte) 5)).exchange().expectStatus().isCreated().expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get(0).get("url").asString();
        as(worker("gw-in", GRID)).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), "gw-in", GRID).replace("\"reporterId\"",
                        "\"photoIds\":[\"" + photo.substring(photo.lastIndexOf('/') + 1) + "\"],\"reporterId\""))
                .exchange().expectStatus().isAccepted();
        String open311 = anonymous.post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("api_key=demo-open311-key&service_code=MANHOLE&lat=40.7492&long=111.7147&description=x&device_id="
                        + UUID.randomUUID()).exchange().expectStatus().isOk().expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get(0).get("service_request_id").asString();
        String patrol = as(worker("gw-in", GRID)).post().uri("/api/v1/patrols").contentType(MediaType.APPLICATION_JSON)
                .body(io.gridloop.intake.patrol.PatrolApiTest.patrol(UUID.randomUUID().toString(), GRID,
                        java.time.Instant.now().minusSeconds(7_200), java.time.Instant.now().minusSeconds(3_600)))
                .exchange().expectStatus().isAccepted().expectBody(tools.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("patrolId").asString();
        Set<String> everyoneSignedIn = Set.of(GW, "GRID_WORKER@" + OTHER_GRID, "OPERATOR@150105", "OPERATOR@150102",
                "SUPERVISOR@150105", "HANDLER@150105-WATER", "ADMIN@150105", "ADMIN@150102", "REPORTER_APP@150105",
                "REPORTER_APP@150102", "MONITOR@1501");

        new AccessMatrix(this::client).serving(AccessMatrix.endpointsOf(context))
                .caller(GW, worker("gw-in", GRID))
                .caller("GRID_WORKER@" + OTHER_GRID, worker("gw-out", OTHER_GRID))
                .caller("OPERATOR@150105", Identity.of("op-in", List.of("OPERATOR"), "150105"))
                .caller("OPERATOR@150102", Identity.of("op-out", List.of("OPERATOR"), "150102"))
                .caller("SUPERVISOR@150105", Identity.of("sv-in", List.of("SUPERVISOR"), "150105"))
                .caller("HANDLER@150105-WATER", Identity.of("h-in", List.of("HANDLER"), "150105")
                        .withUnit("150105-WATER"))
                .caller("ADMIN@150105", Identity.of("admin-in", List.of("ADMIN"), "150105"))
                .caller("ADMIN@150102", Identity.of("admin-out", List.of("ADMIN"), "150102"))
                .caller("REPORTER_APP@150105", APP_IN)
                .caller("REPORTER_APP@150102", Identity.of("app-out", List.of("REPORTER_APP"), "150102")
                        .withChannels("CITIZEN_PHOTO"))
                .caller("MONITOR@1501", Identity.of("prometheus", List.of("MONITOR"), "1501"))
                // The grid worker, and (past the area checks, to 422 SOURCE_NOT_ALLOWED: a patrol report is a grid
                // worker's) the centre and the channel of the area.
                .call("POST /events as gw-in in " + GRID, c -> report(c, "gw-in"),
                        GW, "OPERATOR@150105", "REPORTER_APP@150105")
                // A patrol report: a grid worker's own, or (as a refusal past the area checks, 422 SOURCE_NOT_ALLOWED)
                // a centre's or channel's; any other caller is refused before that.
                .call("POST /events for someone else", c -> report(c, "citizen-42"),
                        "OPERATOR@150105", "REPORTER_APP@150105")
                // A channel reads the reports it filed itself, not every report of its areas.
                .call("GET /events/{id} of gw-in", c -> c.get().uri("/api/v1/events/{id}", mine).exchange(),
                        GW, "OPERATOR@150105")
                .call("GET /events/{id} the app filed", c -> c.get().uri("/api/v1/events/{id}", appsOwn).exchange(),
                        "OPERATOR@150105", "REPORTER_APP@150105")
                .call("GET /events?reporterId=gw-in",
                        c -> c.get().uri("/api/v1/events?reporterId=gw-in").exchange(),
                        Set.of(GW, "OPERATOR@150105", "OPERATOR@150102", "REPORTER_APP@150105", "REPORTER_APP@150102"),
                        mine, Set.of(GW, "OPERATOR@150105"))
                .call("GET /events?reporterId=citizen-7",
                        c -> c.get().uri("/api/v1/events?reporterId=citizen-7").exchange(),
                        Set.of("OPERATOR@150105", "OPERATOR@150102", "REPORTER_APP@150105", "REPORTER_APP@150102"),
                        appsOwn, Set.of("OPERATOR@150105", "REPORTER_APP@150105"))
                .call("POST /events/{id}/not-fixed", c -> c.post().uri("/api/v1/events/{id}/not-fixed", mine)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"reporterId\":\"gw-in\",\"comment\":\"还是没修好\"}").exchange(),
                        GW, "OPERATOR@150105")
                // A patrol is recorded by the grid worker of the grid alone; read by them and the area's centre
                // and supervisors.
                .call("POST /patrols in " + GRID, c -> c.post().uri("/api/v1/patrols")
                        .contentType(MediaType.APPLICATION_JSON).body(io.gridloop.intake.patrol.PatrolApiTest.patrol(
                                UUID.randomUUID().toString(), GRID, java.time.Instant.now().minusSeconds(7_200),
                                java.time.Instant.now().minusSeconds(3_600))).exchange(), GW)
                .call("GET /patrols/{id} of gw-in", c -> c.get().uri("/api/v1/patrols/{id}", patrol).exchange(),
                        GW, "OPERATOR@150105", "SUPERVISOR@150105")
                .call("GET /patrols", c -> c.get().uri("/api/v1/patrols?workerId=gw-in").exchange(),
                        Set.of(GW, "OPERATOR@150105", "OPERATOR@150102", "SUPERVISOR@150105"),
                        patrol, Set.of(GW, "OPERATOR@150105", "SUPERVISOR@150105"))
                // An invalid row of 150105: whoever may change it gets past the checks to the row's errors (422).
                .call("POST /admin/grid-registry (a 150105 row)", c -> c.post().uri("/api/v1/admin/grid-registry")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("[{\"code\":\"" + GRID + "\",\"name\":\"\"}]").exchange(),
                        "ADMIN@150105")
                .call("GET /admin/grid-registry/import", c -> c.get().uri("/api/v1/admin/grid-registry/import")
                        .exchange(), "ADMIN@150105", "ADMIN@150102")
                .call("GET /areas/150105", c -> c.get().uri("/api/v1/areas/150105").exchange(),
                        everyoneSignedIn.toArray(String[]::new))
                .call("GET /areas/150105/children", c -> c.get().uri("/api/v1/areas/150105/children").exchange(),
                        everyoneSignedIn.toArray(String[]::new))
                .call("GET /areas/locate", c -> c.get().uri("/api/v1/areas/locate?latitude=40.8&longitude=111.7")
                        .exchange(), everyoneSignedIn.toArray(String[]::new))
                .call("POST /photos", c -> c.post().uri("/api/v1/photos").contentType(MediaType.MULTIPART_FORM_DATA)
                                .body(io.gridloop.infra.TestPhotos.form((byte) 5)).exchange(),
                        GW, "GRID_WORKER@" + OTHER_GRID, "OPERATOR@150105", "OPERATOR@150102", "HANDLER@150105-WATER",
                        "REPORTER_APP@150105", "REPORTER_APP@150102")
                // A report's photo: its reporter (who took it) and the centre of its grid.
                .call("GET /photos/{id} of gw-in's report", c -> c.get().uri(photo).exchange(), GW, "OPERATOR@150105")
                .call("GET /photos/{id}/info", c -> c.get().uri(photo + "/info").exchange(), GW, "OPERATOR@150105")
                .call("GET /catalogue/sub-categories", c -> c.get().uri("/api/v1/catalogue/sub-categories").exchange(),
                        everyoneSignedIn.toArray(String[]::new))
                .call("GET /open311/v2/services.json", c -> c.get().uri("/open311/v2/services.json").exchange(),
                        union(everyoneSignedIn, "anonymous"))
                // Open311 reads are public, as GeoReport v2 has it, and show only what came in through Open311.
                .call("GET /open311/v2/requests.json", c -> c.get().uri("/open311/v2/requests.json").exchange(),
                        union(everyoneSignedIn, "anonymous"))
                .call("GET /open311/v2/requests/{id}.json", c -> c.get().uri("/open311/v2/requests/{id}.json", open311)
                        .exchange(), union(everyoneSignedIn, "anonymous"))
                .call("GET /open311/v2/servicerequestupdates.json", c -> c.get()
                        .uri("/open311/v2/servicerequestupdates.json").exchange(), union(everyoneSignedIn, "anonymous"))
                .call("GET /open311/v2/services/{code}.json", c -> c.get().uri("/open311/v2/services/MANHOLE.json")
                        .exchange(), union(everyoneSignedIn, "anonymous"))
                // Posting needs the client's api_key, not a token: a wrong service code gets everyone to 400.
                .call("POST /open311/v2/requests.json", c -> c.post().uri("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body("api_key=demo-open311-key&service_code=NO_SUCH&lat=40.7492&long=111.7147").exchange(),
                        union(everyoneSignedIn, "anonymous"))

                .call("GET /actuator/health", c -> c.get().uri("/actuator/health").exchange(),
                        union(everyoneSignedIn, "anonymous"))
                .call("GET /actuator/prometheus", c -> c.get().uri("/actuator/prometheus").exchange(),
                        "MONITOR@1501", "ADMIN@150105", "ADMIN@150102")
                .call("GET /actuator/metrics", c -> c.get().uri("/actuator/metrics").exchange(),
                        "ADMIN@150105", "ADMIN@150102")
                .call("GET /admin/audit", c -> c.get().uri("/api/v1/admin/audit").exchange(),
                        "ADMIN@150105", "ADMIN@150102")
                .call("GET /v3/api-docs", c -> c.get().uri("/v3/api-docs").exchange(),
                        union(everyoneSignedIn, "anonymous"))
                .call("GET a path no rule names", c -> c.get().uri("/api/v1/no-such-thing").exchange())
                .verify();
    }

    private static final Identity APP_IN = Identity.of("app-in", List.of("REPORTER_APP"), "150105")
            .withChannels("CITIZEN_PHOTO");

    private static Identity worker(String id, String grid) {
        return Identity.of(id, List.of("GRID_WORKER"), grid);
    }

    private static String[] union(Set<String> labels, String more) {
        return java.util.stream.Stream.concat(labels.stream(), java.util.stream.Stream.of(more))
                .toArray(String[]::new);
    }
}
