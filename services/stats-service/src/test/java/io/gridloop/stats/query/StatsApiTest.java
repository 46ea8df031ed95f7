package io.gridloop.stats.query;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.stats.Counted;
import io.gridloop.stats.generations.Generations;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.stats.CaseHistories;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statistics API on a small, hand-made district: three streets of different sizes, in May 2026.
 * Street 001: 40 cases, 30 closed; street 002: 35 cases, all closed; street 003: 3 cases, all closed — too few
 * to rank. One 12345 order in community 001001; the other communities have none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsApiTest extends ServiceIntegrationTest {

    private static final Instant MAY = Instant.parse("2026-05-11T02:00:00Z");
    private final EventCodec codec = new EventCodec();
    private String d;

    @org.springframework.beans.factory.annotation.Autowired
    Generations generations;

    record Table(String level, String levelLabel, String periodLabel, String rankedBy, int minSampleSize,
                 List<AreaFigures> rows, AreaFigures total) {
    }

    /** Written once: every test only reads. */
    @BeforeAll
    void district() {
        d = CaseHistories.freshDistrict();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        cases(records, d + "001", 40, 30);
        cases(records, d + "002", 35, 35);
        cases(records, d + "003", 3, 3);
        String hotline = d + "-hotline";
        records.add(Map.entry(hotline, codec.encode(t(hotline, 1, "report", null, CaseState.REPORTED,
                d + "001001", ReportSource.HOTLINE_12345, EventCategory.DISPUTE))));
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
        Counted.awaitAll(bootstrap, generations);
    }

    private void cases(List<Map.Entry<String, byte[]>> out, String street, int reported, int closed) {
        for (int i = 0; i < reported; i++) {
            String id = street + "-" + i;
            String community = street + "00" + (1 + i % 2);
            out.add(Map.entry(id, codec.encode(t(id, 1, "report", null, CaseState.REPORTED, community,
                    ReportSource.GRID_PATROL, EventCategory.LIVELIHOOD))));
            if (i < closed) {
                out.add(Map.entry(id, codec.encode(t(id, 2, "close", CaseState.FEEDBACK_SUBMITTED, CaseState.CLOSED,
                        community, ReportSource.GRID_PATROL, EventCategory.LIVELIHOOD))));
            }
        }
    }

    private EventEnvelope<CaseTransitioned> t(String caseId, int seq, String action, CaseState from, CaseState to,
                                              String community, ReportSource source, EventCategory category) {
        return transition(d, caseId, seq, action, from, to, community, source, category);
    }

    /** A transition of a case of {@code d}'s {@code community} in May 2026, as dispatch publishes it. */
    static EventEnvelope<CaseTransitioned> transition(String d, String caseId, int seq, String action, CaseState from,
                                                      CaseState to, String community, ReportSource source,
                                                      EventCategory category) {
        return transition(MAY, d, caseId, seq, action, from, to, community, source, category);
    }

    /**
     * The same for a case reported at {@code reported}: another month keeps a test's cases out of the tables this
     * class asserts on.
     */
    static EventEnvelope<CaseTransitioned> transition(Instant reported, String d, String caseId, int seq, String action,
                                                      CaseState from, CaseState to, String community,
                                                      ReportSource source, EventCategory category) {
        boolean closed = to == CaseState.CLOSED;
        Instant at = reported.plus(Duration.ofHours(seq * 5L));
        String street = community.substring(0, 9);
        CaseTransitioned t = new CaseTransitioned(caseId, seq, CaseAction.fromWireName(action).orElseThrow(), from, to, d, "测试区" + d, community + "001",
                category, source, reported, reported.plus(Duration.ofDays(3)), at, "u", street, AreaLevel.STREET, 0, null,
                closed ? at : null, closed ? Boolean.TRUE : null, null, null, community, "社区" + community, street,
                "街道" + street, "HANDLER", null, "单位", reported.plus(Duration.ofDays(1)), null, null, null, null);
        return EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq, ServiceNames.DISPATCH, at, caseId, t);
    }

    private Table streets(String extra) {
        return http.get().uri("/api/v1/stats/completion?level=street&parent=" + d + "&period=2026-05" + extra)
                .exchange().expectStatus().isOk().expectBody(Table.class).returnResult().getResponseBody();
    }

    private static AreaFigures row(Table t, String code) {
        return t.rows().stream().filter(r -> r.areaCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void shouldRankOnlyAreasWithEnoughCasesAndFlagTheRest() {
        Table t = streets("");

        assertThat(t.levelLabel()).isEqualTo("街道（乡镇）");
        assertThat(t.periodLabel()).isEqualTo("2026年5月");
        assertThat(t.rankedBy()).isEqualTo("completionRate");
        assertThat(row(t, d + "002").rank()).isEqualTo(1);
        assertThat(row(t, d + "002").rates().get("completionRate")).isEqualTo(1.0);
        assertThat(row(t, d + "001").rank()).isEqualTo(2);
        assertThat(row(t, d + "001").counts().get("reported")).isEqualTo(41);
        assertThat(row(t, d + "003").rank()).isNull();
        assertThat(row(t, d + "003").belowMinimumSample()).isTrue();
        assertThat(row(t, d + "003").rates().get("completionRate")).as("shown, not ranked").isEqualTo(1.0);
        assertThat(t.total().counts().get("reported")).isEqualTo(79);
        assertThat(t.total().counts().get("closed")).isEqualTo(68);
        assertThat(t.rows()).extracting(AreaFigures::areaCode).as("by rank, then the unranked")
                .containsExactly(d + "002", d + "001", d + "003");
    }

    /** One area with enough cases is first of nothing: no rank at all then (May 2026 has only this district's). */
    @Test
    void shouldRankNothingWhenOnlyOneAreaHasEnoughCases() {
        String city = d.substring(0, 4) + "00";
        Table t = http.get().uri("/api/v1/stats/completion?level=district&parent=" + city + "&period=2026-05")
                .exchange().expectStatus().isOk().expectBody(Table.class).returnResult().getResponseBody();
        assertThat(t.rows()).filteredOn(r -> !r.belowMinimumSample()).extracting(AreaFigures::areaCode)
                .containsExactly(d);
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.rank()).isNull());
    }

    @Test
    void shouldCountOnlyTheChosenCategoryAndSource() {
        Table hotline = streets("&source=HOTLINE_12345");
        Table disputes = streets("&category=dispute");

        assertThat(row(hotline, d + "001").counts().get("reported")).isEqualTo(1);
        assertThat(row(hotline, d + "002").counts().get("reported")).isZero();
        assertThat(disputes.total().counts().get("reported")).isEqualTo(1);
    }

    /** The split by category and by source, from one read, equals what the filtered tables count. */
    @Test
    void shouldSplitTheAreasReportsByCategoryAndSourceAsTheFiltersCountThem() {
        Map<?, ?> split = http.get().uri("/api/v1/stats/areas/" + d + "/split?period=2026-05").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        for (String dimension : List.of("categories", "sources")) {
            long sum = 0;
            for (Object o : (List<?>) split.get(dimension)) {
                Map<?, ?> slice = (Map<?, ?>) o;
                String param = dimension.equals("categories") ? "category" : "source";
                long filtered = streets("&" + param + "=" + slice.get("code")).total().counts().get("reported");
                assertThat(((Number) slice.get("reported")).longValue()).as("%s %s", param, slice.get("code"))
                        .isEqualTo(filtered);
                sum += filtered;
            }
            assertThat(sum).as(dimension).isEqualTo(79);
        }
        assertThat((List<?>) split.get("sources")).anySatisfy(o -> assertThat(((Map<?, ?>) o).get("name"))
                .isEqualTo("12345热线"));
    }

    @Test
    void shouldShowTheMonthInTheTrendAndNothingInTheMonthsAround() {
        Map<?, ?> trend = http.get().uri("/api/v1/stats/trend?area=" + d + "&to=2026-06&months=3").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(trend.get("months")).isEqualTo(List.of("2026-04", "2026-05", "2026-06"));
        List<?> figures = (List<?>) trend.get("figures");
        assertThat(((Map<?, ?>) ((Map<?, ?>) figures.get(1)).get("counts")).get("reported")).isEqualTo(79);
        assertThat(((Map<?, ?>) ((Map<?, ?>) figures.get(0)).get("counts")).get("reported")).isEqualTo(0);
    }

    @Test
    void shouldListTheCommunitiesWithoutA12345OrderInTheQuarter() {
        Map<?, ?> answer = http.get().uri("/api/v1/stats/zero-complaint?period=2026-Q2&parent=" + d).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        List<String> zero = ((List<?>) answer.get("zeroComplaintCommunities")).stream()
                .map(r -> (String) ((Map<?, ?>) r).get("areaCode")).toList();
        assertThat(answer.get("communities")).isEqualTo(6);
        assertThat(zero).hasSize(5).doesNotContain(d + "001001").contains(d + "001002", d + "003001");
    }

    @Test
    void shouldExportTheTableAsCsvWithChineseHeaders() {
        var result = http.get().uri("/api/v1/stats/completion/export?format=csv&level=street&parent=" + d
                + "&period=2026-05").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectBody(byte[].class).returnResult();
        String disposition = result.getResponseHeaders().getFirst("Content-Disposition");
        String csv = new String(result.getResponseBody(), StandardCharsets.UTF_8);

        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''").contains(".csv");
        assertThat(csv).startsWith("\uFEFF区划代码,街道（乡镇）,上报数,");
        assertThat(csv).contains("办结率").contains("按期办结率").contains("样本不足");
        assertThat(csv.lines().filter(l -> l.startsWith(d + "002,街道" + d + "002,35,"))).hasSize(1);
        assertThat(csv.lines().filter(l -> l.startsWith(d + "003,")).findFirst().orElseThrow()).endsWith(",是");
        assertThat(csv.lines().count()).as("header, three streets, total").isEqualTo(5);
    }

    @Test
    void shouldExportTheTableAsAnExcelWorkbookWithRatesAsNumbers() throws Exception {
        byte[] xlsx = http.get().uri("/api/v1/stats/completion/export?format=xlsx&level=street&parent=" + d
                + "&period=2026-05").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            // The report as printed: heading, the columns on screen by rank, the total; then every measure.
            XSSFSheet screen = book.getSheetAt(0);
            assertThat(screen.getSheetName()).isEqualTo("办结情况");
            assertThat(screen.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("测试区" + d + "各街道（乡镇）事件办结情况（2026年5月）");
            assertThat(screen.getRow(1).getCell(0).getStringCellValue()).startsWith("制表单位：");
            assertThat(screen.getRow(2).getCell(0).getStringCellValue()).startsWith("制表时间：");
            assertThat(screen.getRow(3).getCell(0).getStringCellValue()).startsWith("数据截至：").endsWith("（北京时间）");
            Row header = screen.getRow(4);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("排名");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("办结率");
            Row first = screen.getRow(5);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("街道" + d + "002");
            Row second = screen.getRow(6);
            assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(41.0);
            assertThat(second.getCell(4).getNumericCellValue()).isEqualTo(30.0 / 41);
            assertThat(second.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(screen.getRow(7).getCell(8).getStringCellValue()).startsWith("样本不足");
            assertThat(screen.getRow(8).getCell(1).getStringCellValue()).as("the total row").isEqualTo("合计");

            XSSFSheet all = book.getSheetAt(1);
            assertThat(all.getSheetName()).isEqualTo("全部指标");
            assertThat(all.getRow(4).getCell(0).getStringCellValue()).isEqualTo("区划代码");
            assertThat(all.getRow(5).getCell(0).getStringCellValue()).isEqualTo(d + "002");
            assertThat(all.getRow(8).getCell(1).getStringCellValue()).as("the total row").isEqualTo("测试区" + d);
        }
    }

    @Test
    void shouldRefuseWhatItCannotAnswerWithProblemDetails() {
        for (String[] bad : new String[][] {
                {"/api/v1/stats/completion?level=planet", "UNSUPPORTED_LEVEL"},
                {"/api/v1/stats/completion?period=2026-13", "BAD_PERIOD"},
                {"/api/v1/stats/completion?category=weather", "UNKNOWN_CATEGORY"},
                {"/api/v1/stats/completion?source=fax", "UNKNOWN_SOURCE"},
                {"/api/v1/stats/completion?rankBy=luck", "UNKNOWN_FORMULA"},
                {"/api/v1/stats/completion?level=street&parent=abc", "BAD_PARENT"},
                {"/api/v1/stats/completion/export?format=pdf", "UNSUPPORTED_FORMAT"},
                {"/api/v1/stats/trend?area=" + "150105" + "&months=99", "BAD_MONTHS"}}) {
            http.get().uri(bad[0]).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo(bad[1]);
        }
    }

    @Test
    void shouldPublishTheFormulaBehindEveryRate() {
        http.get().uri("/api/v1/stats/formulas").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.formulas[?(@.code == 'completionRate')].name").isEqualTo("办结率")
                .jsonPath("$.formulas[?(@.code == 'completionRate')].denominator").isEqualTo("reported")
                .jsonPath("$.formulas[?(@.code == 'closureRate')].denominator").isEqualTo("due")
                .jsonPath("$.measures[?(@.code == 'due')].name").isEqualTo("应结案数");
    }
}
