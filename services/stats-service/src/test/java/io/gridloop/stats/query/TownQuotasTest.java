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
 * 乡镇任务 for 2024-Q2 (a quarter no other test writes: its 42 cases would be a district with enough cases to rank
 * in the tables other tests assert on): a town that solved 20 valid events has met its quota of 20 — its invalidated and merged
 * reports are not valid events —, a street that solved 19 of 20 valid ones has not.
 */
class TownQuotasTest extends ServiceIntegrationTest {

    @Autowired
    Generations generations;

    private static final java.time.Instant MAY_2024 = java.time.Instant.parse("2024-05-11T02:00:00Z");
    private final EventCodec codec = new EventCodec();

    private void reported(List<Map.Entry<String, byte[]>> out, String d, String id, String community, String end,
                          CaseState to) {
        out.add(Map.entry(id, codec.encode(StatsApiTest.transition(MAY_2024, d, id, 1, "report", null, CaseState.REPORTED,
                community, ReportSource.GRID_PATROL, EventCategory.HAZARD))));
        if (end != null) {
            out.add(Map.entry(id, codec.encode(StatsApiTest.transition(MAY_2024, d, id, 2, end,
                    to == CaseState.CLOSED ? CaseState.FEEDBACK_SUBMITTED : CaseState.REPORTED, to, community,
                    ReportSource.GRID_PATROL, EventCategory.HAZARD))));
        }
    }

    @Test
    void shouldCountEachStreetsValidEventsSolvedAgainstItsQuota() {
        String d = CaseHistories.freshDistrict();
        String town = d + "100";
        String street = d + "001";
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reported(records, d, town + "-c" + i, town + "001", "close", CaseState.CLOSED);
        }
        reported(records, d, town + "-invalid", town + "001", "invalidate", CaseState.INVALID);
        reported(records, d, town + "-merged", town + "001", "merge", CaseState.MERGED);
        for (int i = 0; i < 20; i++) {
            reported(records, d, street + "-c" + i, street + "001", i < 19 ? "close" : null, CaseState.CLOSED);
        }
        TopicWriter.sendAll(bootstrap, Topics.CASE_TRANSITIONED.name(), records);
        Counted.awaitAll(bootstrap, generations);

        JsonNode table = http.get().uri("/api/v1/stats/town-quotas?period=2024-Q2&parent={d}", d).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(table.get("quota").asInt()).isEqualTo(20);
        assertThat(table.get("met").asInt()).isEqualTo(1);
        Map<String, String> rows = new java.util.HashMap<>();
        table.get("rows").forEach(r -> rows.put(r.get("areaCode").asString(), r.get("kind").asString() + " "
                + r.get("validReported").asLong() + " " + r.get("solved").asLong() + " " + r.get("met").asBoolean()
                + " " + r.get("shortfall").asLong()));
        assertThat(rows).containsEntry(town, "镇 20 20 true 0").containsEntry(street, "街道 20 19 false 1");
        // The quota counts quarters: a month is refused in words.
        http.get().uri("/api/v1/stats/town-quotas?period=2024-05&parent={d}", d).exchange().expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_PERIOD");
    }
}
