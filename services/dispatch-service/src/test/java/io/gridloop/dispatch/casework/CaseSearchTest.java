package io.gridloop.dispatch.casework;

import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.search.SearchIndex;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 案件搜索: by number, words, order number and reporter, within the caller's district, a page at a time. */
class CaseSearchTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    @Autowired
    SearchIndex index;

    @Autowired
    CaseNumbers caseNumbers;

    /** Two districts of one city no other test uses, so searches find only this test's cases. */
    private final String city = "15" + (10 + ThreadLocalRandom.current().nextInt(89));
    private final String district = city + (30 + ThreadLocalRandom.current().nextInt(20));
    private final String neighbour = city + (50 + ThreadLocalRandom.current().nextInt(20));

    private String report(String inDistrict, String reporter, String description, Instant at) {
        EventReported event = Reports.describing(Reports.of(UUID.randomUUID().toString(), "WATER_SUPPLY",
                inDistrict + "003004005", "测试区", at), reporter, description);
        String id = Reports.opened(bootstrap, cases, event).id();
        // Its terms are written once its events are out: findable (here by its reporter) a moment later.
        await().atMost(Duration.ofSeconds(30)).until(() -> found(inDistrict, reporter).contains(id));
        return id;
    }

    private String report(String inDistrict, String reporter, String description) {
        return report(inDistrict, reporter, description, Instant.now());
    }

    private Identity operator(String area) {
        return Identity.of("op-" + area, List.of("OPERATOR"), area);
    }

    private List<String> found(String area, String query) {
        return as(operator(area)).get().uri("/api/v1/search?area={a}&q={q}", area, query).exchange()
                .expectStatus().isOk().expectBody(CaseSearch.Page.class).returnResult().getResponseBody().items()
                .stream().map(CaseSearch.Hit::id).toList();
    }

    @Test
    void shouldFindCasesByWordsOrderNumberReporterAndNumberInTheCallersDistrictOnly() {
        String leak = report(district, "gw-a", "阳光小区漏水，3号楼水管破裂，楼道积水");
        String hotline = report(district, "12345", "【12345工单 GD2026120600042 · 城乡建设/供水】幸福路路灯不亮（地址：幸福路88号）");
        String scattered = report(district, "gw-b", "小区漏，区漏水");
        String elsewhere = report(neighbour, "gw-a", "阳光小区漏水");

        assertThat(found(district, "漏水")).containsExactlyInAnyOrder(leak, scattered);
        // Every pair of 小区漏水 is in the scattered text, the words together only in one.
        assertThat(found(district, "小区漏水")).containsExactly(leak);
        assertThat(found(district, "水管 积水")).containsExactly(leak);
        assertThat(found(district, "gd2026120600042")).containsExactly(hotline);
        assertThat(found(district, "幸福路")).containsExactly(hotline);
        assertThat(found(district, "gw-b")).containsExactly(scattered);
        // The street and community are found too: 测试街道 holds all three.
        assertThat(found(district, "测试街道 漏水")).containsExactlyInAnyOrder(leak, scattered);
        assertThat(found(district, cases.find(leak).orElseThrow().caseNumber())).containsExactly(leak);
        // The neighbouring district's operator finds theirs, and ours not even by number.
        assertThat(found(neighbour, "阳光小区")).containsExactly(elsewhere);
        assertThat(found(neighbour, cases.find(leak).orElseThrow().caseNumber())).isEmpty();
        as(operator(neighbour)).get().uri("/api/v1/search?area={a}&q=漏水", district).exchange()
                .expectStatus().isForbidden();
        // A street of the district holds them; another street does not.
        assertThat(found(district + "003", "漏水")).hasSize(2);
        assertThat(found(district + "009", "漏水")).isEmpty();
    }

    @Test
    void shouldPageTheLatestFirstAndFindARedeliveredReportOnce() {
        Instant now = Instant.now();
        String older = report(district, "gw-p", "东门井盖缺失", now.minus(40, ChronoUnit.DAYS));
        String middle = report(district, "gw-p", "西门井盖缺失", now.minus(1, ChronoUnit.DAYS));
        String latest = report(district, "gw-p", "南门井盖缺失", now);
        // Indexing a case again (a redelivered report) adds nothing.
        index.add(cases.find(latest).orElseThrow(), "gw-p");

        as(operator(district)).get().uri("/api/v1/search?area={a}&q=井盖&size=2", district).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(latest, middle))
                .jsonPath("$.items[0].caseNumber").isEqualTo(cases.find(latest).orElseThrow().caseNumber())
                .jsonPath("$.items[0].stateLabel").exists()
                .jsonPath("$.hasMore").isEqualTo(true);
        as(operator(district)).get().uri("/api/v1/search?area={a}&q=井盖&size=2&page=1", district).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(older))
                .jsonPath("$.hasMore").isEqualTo(false);
        // A lone character narrows a search, and a date range bounds it.
        assertThat(found(district, "井盖 东")).containsExactly(older);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        as(operator(district)).get().uri("/api/v1/search?area={a}&q=井盖&from={d}&to={d}", district, today, today)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[*].id").isEqualTo(List.of(latest));
    }

    /** A busy day's numbers are spread over blocks: a search reads them all, the latest first. */
    @Test
    void shouldFindTheCasesOfABusyDayAcrossItsBlocks() {
        String early = report(district, "gw-b", "消防通道被占用");
        // Two hundred and sixty more cases that day, as far as the numbers go.
        Instant now = Instant.now();
        for (int i = 0; i <= SearchIndex.BLOCK; i++) {
            caseNumbers.next(district, now);
        }
        String late = report(district, "gw-b", "消防通道又被占用");
        assertThat(Long.parseLong(cases.find(late).orElseThrow().caseNumber().substring(14)))
                .isGreaterThan(SearchIndex.BLOCK);

        assertThat(found(district, "消防通道")).containsExactly(late, early);
    }

    @Test
    void shouldExplainInChineseWhatASearchNeeds() {
        as(operator(district)).get().uri("/api/v1/search?area={a}&q=水", district).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("SEARCH_TOO_SHORT")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("至少两个连续的汉字"));
        as(operator(city + "00")).get().uri("/api/v1/search?area={a}&q=漏水", city + "00").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("DISTRICT_NEEDED");
        as(operator(district)).get().uri("/api/v1/search?area={a}&q=漏水&from=2025-01-01&to=2026-06-01", district)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_DATE_RANGE");
        as(Identity.of("h-" + district, List.of("HANDLER"), district).withUnit(district + "-WATER")).get()
                .uri("/api/v1/search?area={a}&q=漏水", district).exchange().expectStatus().isForbidden();
    }
}
