package io.gridloop.stats.query;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.stats.CaseHistories;
import io.gridloop.stats.Counted;
import io.gridloop.stats.generations.Generations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 零投诉社区奖励 for 2026-Q2 in a fresh district: an urban community with a 12345 complaint gets nothing, one whose
 * only complaint the centre found invalid (作废) gets the city rate, a village and a town's community the other
 * rate — and the street that pays them the sum.
 */
class ZeroComplaintRewardsTest extends ServiceIntegrationTest {

    @Autowired
    Generations generations;

    @Test
    void shouldRewardCommunitiesWithoutAValidComplaintByTheirKindAndSumThemPerStreet() {
        String d = CaseHistories.freshDistrict();
        String complained = d + "001001";    // 街道 001, 居委会 001: one valid 12345 complaint
        String invalidOnly = d + "001002";   // 居委会 002: its only complaint invalidated
        String village = d + "001201";       // 村委会 201 of the same street
        String townCommunity = d + "100001"; // a 镇's community
        EventCodec codec = new EventCodec();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (String community : List.of(complained, invalidOnly, village, townCommunity)) {
            String id = community + "-patrol";
            records.add(Map.entry(id, codec.encode(StatsApiTest.transition(d, id, 1, "report", null,
                    CaseState.REPORTED, community, ReportSource.GRID_PATROL, EventCategory.LIVELIHOOD))));
        }
        records.add(Map.entry("c-" + d, codec.encode(StatsApiTest.transition(d, "c-" + d, 1, "report", null,
                CaseState.REPORTED, complained, ReportSource.HOTLINE_12345, EventCategory.DISPUTE))));
        records.add(Map.entry("i-" + d, codec.encode(StatsApiTest.transition(d, "i-" + d, 1, "report", null,
                CaseState.REPORTED, invalidOnly, ReportSource.HOTLINE_12345, EventCategory.DISPUTE))));
        records.add(Map.entry("i-" + d, codec.encode(StatsApiTest.transition(d, "i-" + d, 2, "invalidate",
                CaseState.REPORTED, CaseState.INVALID, invalidOnly, ReportSource.HOTLINE_12345,
                EventCategory.DISPUTE))));
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
        Counted.awaitAll(bootstrap, generations);

        JsonNode answer = http.get().uri("/api/v1/stats/zero-complaint?period=2026-Q2&parent={d}", d).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> rewarded = new ArrayList<>();
        answer.get("rewards").forEach(r -> rewarded.add(r.get("communityCode").asString() + "="
                + r.get("amount").asLong() + "/" + r.get("communityType").asString()));
        assertThat(rewarded).containsExactlyInAnyOrder(invalidOnly + "=5000/城市社区", village + "=3000/其他社区（村）",
                townCommunity + "=3000/其他社区（村）");
        assertThat(answer.get("communities").asInt()).isEqualTo(4);
        List<String> streets = new ArrayList<>();
        answer.get("byStreet").forEach(s -> streets.add(s.get("streetCode").asString() + ":"
                + s.get("communities").asInt() + ":" + s.get("amount").asLong()));
        assertThat(streets).containsExactlyInAnyOrder(d + "001:2:8000", d + "100:1:3000");
        assertThat(answer.get("totalAmount").asLong()).isEqualTo(11_000);

        // The reward form (零投诉社区奖励表) holds the same figures: each community, a 小计 per street, the 合计.
        String csv = new String(http.get().uri("/api/v1/stats/zero-complaint/export?format=csv&period=2026-Q2"
                        + "&parent={d}", d).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFF序号,街道（乡镇）,社区（村）,区划代码,类别,奖励金额（元）");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(invalidOnly, "城市社区", ",5000"))
                .anySatisfy(l -> assertThat(l).contains(village, "其他社区（村）", ",3000"))
                .anySatisfy(l -> assertThat(l).contains("小计", "2个", ",8000"));
        assertThat(lines.getLast()).startsWith(",合计,3个").endsWith(",11000");
        byte[] xlsx = http.get().uri("/api/v1/stats/zero-complaint/export?period=2026-Q2&parent={d}", d).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(last.getCell(5).getNumericCellValue()).isEqualTo(11_000);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("零投诉社区奖励表", "2026年第二季度");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
