package io.gridloop.stats.query;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.PatrolKind;
import io.gridloop.contracts.event.PatrolRecorded;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.Identity;
import io.gridloop.stats.CaseHistories;
import io.gridloop.stats.Counted;
import io.gridloop.stats.generations.Generations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 网格员月度考核 in a fresh district with its own rules (base 60, 合格 70, 优秀 85; a valid report +5, a household
 * visit +5, a matter the public found first −5): worker {@code two} is under the bar in January and February and
 * passes in March, worker {@code three} fails all three months — only {@code three} is on March's 待辞退预警 list.
 */
class GridWorkerScoresTest extends ServiceIntegrationTest {

    private static final Instant JAN = Instant.parse("2026-01-12T02:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-10T02:00:00Z");

    @Autowired
    Generations generations;

    private final String d = CaseHistories.freshDistrict();
    private final String gridOfTwo = d + "001001001";
    private final String gridOfThree = d + "001002001";
    private final String two = "two-" + d;
    private final String three = "three-" + d;
    private final Identity admin = Identity.of("admin-" + d, List.of("ADMIN"), d);
    private final Identity supervisor = Identity.of("sv-" + d, List.of("SUPERVISOR"), d);
    private final EventCodec codec = new EventCodec();

    @Test
    void shouldScoreEachWorkersMonthAndWarnOnlyAfterThreeFailedMonthsInARow() {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        // January: one report in each grid by somebody else, so the grids are known; it counts for nobody.
        records.addAll(caseOf("k1-" + d, JAN, gridOfTwo, ReportSource.AI_CAMERA, null, EventCategory.OTHER, false));
        records.addAll(caseOf("k2-" + d, JAN, gridOfThree, ReportSource.AI_CAMERA, null, EventCategory.OTHER, false));
        // March: two valid reports by `two` (one a hazard the grid closed itself), one they reported that the centre
        // invalidated; a resident's photo report in `three`'s grid.
        records.addAll(caseOf("r1-" + d, MAR, gridOfTwo, ReportSource.GRID_PATROL, two, EventCategory.HAZARD, true));
        records.addAll(caseOf("r2-" + d, MAR, gridOfTwo, ReportSource.GRID_PATROL, two, EventCategory.LIVELIHOOD,
                false));
        records.addAll(invalidated("r3-" + d, MAR, gridOfTwo, two));
        records.addAll(caseOf("c1-" + d, MAR, gridOfThree, ReportSource.CITIZEN_PHOTO, null, EventCategory.HAZARD,
                false));
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
        Counted.awaitAll(bootstrap, generations);

        // A household visit by `two`, delivered twice (a producer's retry): one visit.
        PatrolRecorded visit = new PatrolRecorded("p-" + d, "c-" + d, two, PatrolKind.HOUSEHOLD_VISIT, gridOfTwo,
                "第1网格", d + "001001", d + "001", d, "测试区", MAR, MAR.plus(Duration.ofMinutes(40)), "走访独居老人",
                List.of(), List.of(), MAR.plus(Duration.ofMinutes(41)));
        byte[] patrol = codec.encode(EventEnvelope.of(Topics.PATROL_RECORDED, "p-" + d, ServiceNames.INTAKE,
                visit.recordedAt(), visit.patrolId(), visit));
        TopicWriter.sendAll(bootstrap, Topics.PATROL_RECORDED.name(),
                List.of(Map.entry(visit.patrolId(), patrol), Map.entry(visit.patrolId(), patrol)));

        as(admin).post().uri("/api/v1/assessment/rules").contentType(MediaType.APPLICATION_JSON).body("""
                {"rules":{"programme":"%s","effectiveFrom":"2026-01","baseScore":60,"qualifiedAt":70,"excellentAt":85,
                  "rules":[{"measure":"VALID_REPORTS","pointsPerUnit":5,"cap":30},
                           {"measure":"HOUSEHOLD_VISITS","pointsPerUnit":5,"cap":20},
                           {"measure":"FOUND_FIRST_BY_CITIZENS","pointsPerUnit":-5,"cap":20}]},
                 "basedOnVersion":0}""".formatted(d)).exchange().expectStatus().isCreated();
        enrol(two, "张网格", gridOfTwo).expectStatus().isOk().expectBody()
                .jsonPath("$.gridCodes[0]").isEqualTo(gridOfTwo).jsonPath("$.updatedBy").isEqualTo("admin-" + d + "（admin-" + d + "）");
        enrol(three, "李网格", gridOfThree).expectStatus().isOk();
        // Joined in March: assessed from March on, so no earlier month counts against them.
        String late = "late-" + d;
        enrol(late, "赵网格", gridOfThree, "2026-03").expectStatus().isOk().expectBody()
                .jsonPath("$.since").isEqualTo("2026-03");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(worker(month("2026-03"), two).at("/measures/HOUSEHOLD_VISITS").asLong()).isEqualTo(1));
        JsonNode march = month("2026-03");
        JsonNode twoInMarch = worker(march, two);
        assertThat(twoInMarch.at("/measures/VALID_REPORTS").asLong()).isEqualTo(2);
        assertThat(twoInMarch.at("/measures/HAZARD_REPORTS").asLong()).isEqualTo(1);
        assertThat(twoInMarch.at("/measures/SELF_HANDLED_CLOSED").asLong()).isEqualTo(1);
        assertThat(twoInMarch.at("/measures/FOUND_FIRST_BY_CITIZENS").asLong()).isZero();
        assertThat(twoInMarch.at("/score/total").decimalValue()).isEqualByComparingTo("75");
        assertThat(twoInMarch.at("/score/grade").asString()).isEqualTo("QUALIFIED");
        assertThat(twoInMarch.at("/rules").asString()).isEqualTo(d + "@v1");
        JsonNode threeInMarch = worker(march, three);
        assertThat(threeInMarch.at("/measures/FOUND_FIRST_BY_CITIZENS").asLong()).isEqualTo(1);
        assertThat(threeInMarch.at("/score/total").decimalValue()).isEqualByComparingTo("55");
        assertThat(threeInMarch.at("/score/points/FOUND_FIRST_BY_CITIZENS").decimalValue())
                .isEqualByComparingTo("-5");
        assertThat(march.at("/grades/QUALIFIED").asLong()).isEqualTo(1);
        assertThat(march.at("/grades/UNQUALIFIED").asLong()).isEqualTo(2);
        assertThat(worker(march, late).at("/score/total").decimalValue()).isEqualByComparingTo("55");
        List<String> inFebruary = new ArrayList<>();
        month("2026-02").get("workers").forEach(w -> inFebruary.add(w.get("workerId").asString()));
        assertThat(inFebruary).containsExactly(two, three);
        // January: nobody did anything of their own; the AI camera's reports count for no grid worker.
        assertThat(worker(month("2026-01"), two).at("/score/total").decimalValue()).isEqualByComparingTo("60");

        // The drill-down: the district's streets, then the street's communities, each with its workers' grades.
        JsonNode district = summary(d);
        assertThat(district.get("childLevel").asString()).isEqualTo("STREET");
        assertThat(district.at("/rows/0/areaCode").asString()).isEqualTo(d + "001");
        assertThat(district.at("/rows/0/workers").asLong()).isEqualTo(3);
        assertThat(district.at("/total/qualified").asLong()).isEqualTo(1);
        assertThat(district.at("/total/unqualified").asLong()).isEqualTo(2);
        assertThat(district.at("/total/averageScore").decimalValue()).isEqualByComparingTo("61.7");
        List<String> communities = new ArrayList<>();
        summary(d + "001").get("rows").forEach(r -> communities.add(r.get("areaCode").asString() + ":"
                + r.get("workers").asLong() + ":" + r.get("qualified").asLong() + ":" + r.get("unqualified").asLong()));
        assertThat(communities).containsExactly(d + "001001:1:1:0", d + "001002:2:0:2");

        // The forms supervisors file hold the same cells.
        List<String> form = csv("/api/v1/stats/grid-workers/export?format=csv&areaCode={d}&month=2026-03");
        assertThat(form.getFirst()).startsWith("序号,姓名,账号,街道（乡镇）,社区（村）,网格,有效上报,").contains(
                "问题被群众先发现（扣分项）,得分,等次,评分规则");
        assertThat(form).anySatisfy(l -> assertThat(l).startsWith("1,张网格," + two + ",")
                        .endsWith(",1,0,0,0,0,0,0,75.0,合格," + d + "@v1"))
                .anySatisfy(l -> assertThat(l).startsWith("3,李网格," + three + ",").endsWith(",0,1,55.0,不合格," + d
                        + "@v1"));
        List<String> totals = csv("/api/v1/stats/grid-workers/summary/export?format=csv&areaCode={d}&month=2026-03");
        assertThat(totals.getFirst()).isEqualTo("序号,街道（乡镇）,区划代码,网格员数,优秀,合格,不合格,未评分,平均分");
        assertThat(totals.getLast()).isEqualTo(",合计,,3,0,1,2,0,61.7");

        // The quarter's grades of the grids: the mean of their workers' months (the late joiner's one), ranked;
        // 30 % of two grids is no 优秀, and neither mean reaches 合格.
        JsonNode quarter = as(supervisor).get().uri("/api/v1/stats/grid-grades?parent={d}&period=2026-Q1", d)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> graded = new ArrayList<>();
        quarter.get("rows").forEach(r -> graded.add(r.get("areaCode").asString() + ":" + r.get("rank").asInt() + ":"
                + r.get("score").decimalValue().toPlainString() + ":" + r.get("gradeLabel").asString()));
        assertThat(graded).containsExactly(gridOfTwo + ":1:65.0:基本合格", gridOfThree + ":2:57.5:基本合格");
        assertThat(quarter.get("excellentQuota").asInt()).isZero();
        assertThat(quarter.get("tieRule").asString()).contains("有效上报");
        as(supervisor).get().uri("/api/v1/stats/grid-grades?parent={d}&period=2026-03", d).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_PERIOD");

        // 我的考核: the worker reads their own month, and only theirs; a month before they joined has none.
        as(Identity.of(two, List.of("GRID_WORKER"), gridOfTwo)).get()
                .uri("/api/v1/stats/grid-workers/me?month=2026-03").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.workerId").isEqualTo(two).jsonPath("$.score.total").isEqualTo(75.0);
        as(Identity.of(late, List.of("GRID_WORKER"), gridOfThree)).get()
                .uri("/api/v1/stats/grid-workers/me?month=2026-02").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ASSESSED_THEN");
        as(Identity.of("nobody-" + d, List.of("GRID_WORKER"), gridOfTwo)).get()
                .uri("/api/v1/stats/grid-workers/me?month=2026-03").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ON_ROSTER");
        as(Identity.of(two, List.of("GRID_WORKER"), gridOfTwo)).get()
                .uri("/api/v1/stats/grid-workers?areaCode={d}&month=2026-03", d).exchange().expectStatus().isForbidden();

        JsonNode warnings = as(supervisor).get().uri("/api/v1/stats/grid-workers/dismissal-warnings?areaCode={d}"
                        + "&month=2026-03", d).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(warnings.get("months").toString()).isEqualTo("[\"2026-01\",\"2026-02\",\"2026-03\"]");
        List<String> warned = new ArrayList<>();
        warnings.get("workers").forEach(w -> warned.add(w.get("workerId").asString()));
        assertThat(warned).containsExactly(three);
        // In February `two` had failed only January and February, and December had no rules: two months, no warning.
        JsonNode february = as(supervisor).get().uri("/api/v1/stats/grid-workers/dismissal-warnings?areaCode={d}"
                + "&month=2026-02", d).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(february.get("workers")).isEmpty();
    }

    @Test
    void shouldRefuseARosterEntryForAGridNobodyRegisteredOrOutsideTheAdministratorsAreas() {
        enrol("w-" + d, "王网格", d + "009009009").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_GRID")
                .jsonPath("$.errors[0].field").isEqualTo("gridCodes[0]");
        as(admin).put().uri("/api/v1/assessment/grid-workers/{w}", "w-" + d).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"\",\"gridCodes\":[\"12\"]}").exchange().expectStatus().isBadRequest();
        as(admin).put().uri("/api/v1/assessment/grid-workers/{w}", "w-" + d).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"王网格\",\"gridCodes\":[\"150105001001001\"]}").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_AREA");
        as(supervisor).put().uri("/api/v1/assessment/grid-workers/{w}", "w-" + d)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"王网格\",\"gridCodes\":[\"" + gridOfTwo
                        + "\"]}").exchange().expectStatus().isForbidden();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec enrol(String worker, String name,
                                                                                           String grid) {
        return enrol(worker, name, grid, "2026-01");
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec enrol(String worker, String name,
                                                                                           String grid, String since) {
        return as(admin).put().uri("/api/v1/assessment/grid-workers/{w}", worker)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"" + name + "\",\"gridCodes\":[\"" + grid + "\"],\"since\":\"" + since + "\"}")
                .exchange();
    }

    private JsonNode summary(String area) {
        return as(supervisor).get().uri("/api/v1/stats/grid-workers/summary?areaCode={a}&month=2026-03", area)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> csv(String uri) {
        byte[] body = as(supervisor).get().uri(uri, d).exchange().expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody();
        return new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    }

    private JsonNode month(String month) {
        return as(supervisor).get().uri("/api/v1/stats/grid-workers?areaCode={d}&month={m}", d, month).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode worker(JsonNode month, String id) {
        for (JsonNode w : month.get("workers")) {
            if (w.get("workerId").asString().equals(id)) {
                return w;
            }
        }
        throw new AssertionError(id + " not in " + month);
    }

    /** A case reported at {@code at} in {@code grid}, closed in the grid the next hour if {@code closed}. */
    private List<Map.Entry<String, byte[]>> caseOf(String id, Instant at, String grid, ReportSource source,
                                                   String worker, EventCategory category, boolean closed) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        out.add(record(transition(id, 1, CaseAction.REPORT, null, CaseState.REPORTED, at, at, grid, source, worker,
                category)));
        if (closed) {
            out.add(record(transition(id, 2, CaseAction.CLOSE, CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED, at,
                    at.plus(Duration.ofHours(1)), grid, source, worker, category)));
        }
        return out;
    }

    private List<Map.Entry<String, byte[]>> invalidated(String id, Instant at, String grid, String worker) {
        return List.of(record(transition(id, 1, CaseAction.REPORT, null, CaseState.REPORTED, at, at, grid,
                        ReportSource.GRID_PATROL, worker, EventCategory.DISPUTE)),
                record(transition(id, 2, CaseAction.INVALIDATE, CaseState.REPORTED, CaseState.INVALID, at,
                        at.plus(Duration.ofHours(1)), grid, ReportSource.GRID_PATROL, worker,
                        EventCategory.DISPUTE)));
    }

    private Map.Entry<String, byte[]> record(CaseTransitioned t) {
        return Map.entry(t.caseId(), codec.encode(EventEnvelope.of(Topics.CASE_TRANSITIONED,
                t.caseId() + "-" + t.sequence(), ServiceNames.DISPATCH, t.occurredAt(), t.caseId(), t)));
    }

    private CaseTransitioned transition(String id, int seq, CaseAction action, CaseState from, CaseState to,
                                        Instant reported, Instant at, String grid, ReportSource source, String worker,
                                        EventCategory category) {
        boolean closed = to == CaseState.CLOSED;
        String community = grid.substring(0, 12);
        String street = grid.substring(0, 9);
        return new CaseTransitioned(id, seq, action, from, to, d, "测试区" + d, grid, category, source, reported,
                reported.plus(Duration.ofDays(3)), at, "u", grid, AreaLevel.GRID, 0, null, closed ? at : null,
                closed ? Boolean.TRUE : null, null, null, community, "社区" + community, street, "街道" + street,
                "GRID_WORKER", null, "网格", reported.plus(Duration.ofDays(1)), null, null, null, null, List.of(),
                null, worker);
    }
}
