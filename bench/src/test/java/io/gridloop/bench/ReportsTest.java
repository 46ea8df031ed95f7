package io.gridloop.bench;

import io.gridloop.localstack.DemoData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {

    @Test
    void shouldWriteReportsIntakeAcceptsFromTheDemoRegistrysGrids() {
        Reports reports = new Reports("run-1");
        JsonNode body = JsonMapper.builder().build().readTree(reports.body(7, new SplittableRandom(1)));

        assertThat(body.get("clientEventId").asString()).isEqualTo("run-1-7");
        String grid = body.get("gridCode").asString();
        assertThat(DemoData.GRIDS.get(grid.substring(0, 6))).anyMatch(g -> g.code().equals(grid));
        assertThat(body.get("subCategory").asString()).isNotBlank();
        assertThat(body.get("location").get("latitude").asDouble()).isBetween(39.0, 42.0);
    }
}
