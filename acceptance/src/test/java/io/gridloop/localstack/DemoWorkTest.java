package io.gridloop.localstack;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo traffic leaves each demo user of 赛罕区 something to do, and works everything else to the end. */
class DemoWorkTest {

    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    private List<DemoWork.Left> draws(String district) {
        DemoData.DemoDistrict d = DemoData.DISTRICTS.stream().filter(x -> x.code().equals(district)).findFirst()
                .orElseThrow();
        List<DemoWork.Left> left = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            DemoWork.Left l = DemoWork.leftFor(d, random);
            if (l != null) {
                left.add(l);
            }
        }
        return left;
    }

    @Test
    void shouldLeaveWorkForTheCentreTheWaterUnitAndTheGridWorkerOfSaihanOnly() {
        List<DemoWork.Left> saihan = draws("150105");
        assertThat(saihan.size()).isBetween(350, 650);
        assertThat(saihan).anySatisfy(l -> assertThat(l.steps()).containsExactly("return"));
        assertThat(saihan).anySatisfy(l -> assertThat(l.steps()).containsExactly("accept", "feedback"));
        List<DemoWork.Left> chosen = saihan.stream().filter(l -> l.sample() != null).toList();
        assertThat(chosen).anySatisfy(l -> assertThat(l.sample().subCategory()).isEqualTo("WATER_SUPPLY"));
        assertThat(chosen).anySatisfy(l -> {
            assertThat(l.sample().subCategory()).isEqualTo("NEIGHBOUR_DISPUTE");
            assertThat(DemoWork.GRID_WORKERS_GRIDS).contains(l.grid().code());
        });
        assertThat(draws("150102")).isEmpty();
    }

    @Test
    void shouldFileReportsFromTheDemoGridWorkersGridsUnderTheirName() {
        assertThat(DemoWork.reporterOf("150105001001002")).isEqualTo("gw-saihan-01");
        assertThat(DemoWork.reporterOf("150105001003001")).isEqualTo("gw-150105001003");
    }
}
