package io.gridloop.contracts.area;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AreaCodeTest {

    private static final AreaCode GRID = AreaCode.of("150105001001003");

    @ParameterizedTest
    @CsvSource({"150105001001003,GRID", "150105001001,COMMUNITY", "150105001,STREET", "150105,DISTRICT",
            "150100,CITY"})
    void shouldKnowItsLevelByItsLength(String code, AreaLevel level) {
        assertThat(AreaCode.of(code).level()).isEqualTo(level);
    }

    @Test
    void shouldReadACodeOnceWhereTheTextMayBeSomethingElse() {
        assertThat(AreaCode.parse("150105001")).contains(AreaCode.of("150105001"));
        assertThat(AreaCode.parse(null)).isEmpty();
    }

    @Test
    void shouldNameTheAreasAGridLiesIn() {
        assertThat(GRID.at(AreaLevel.COMMUNITY)).hasToString("150105001001");
        assertThat(GRID.at(AreaLevel.STREET)).hasToString("150105001");
        assertThat(GRID.district()).contains(AreaCode.of("150105"));
        assertThat(GRID.city()).hasToString("150100");
        assertThat(GRID.at(AreaLevel.GRID)).isEqualTo(GRID);
        assertThat(AreaCode.of("150100").district()).isEmpty();
    }

    @Test
    void shouldClimbOneLevelAtATimeUpToTheCity() {
        assertThat(GRID.parent()).contains(AreaCode.of("150105001001"));
        assertThat(AreaCode.of("150105").parent()).contains(AreaCode.of("150100"));
        assertThat(AreaCode.of("150100").parent()).isEmpty();
    }

    @Test
    void shouldRefuseToDescendBelowItsOwnLevel() {
        assertThatThrownBy(() -> AreaCode.of("150105001").at(AreaLevel.GRID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldContainWhatLiesInsideIt() {
        assertThat(AreaCode.of("150105001").contains(GRID)).isTrue();
        assertThat(AreaCode.of("150105002").contains(GRID)).isFalse();
        assertThat(AreaCode.of("150100").contains(GRID)).isTrue();
        assertThat(AreaCode.of("150200").contains(GRID)).isFalse();
        assertThat(AreaCode.of("150100").prefix()).isEqualTo("1501");
        assertThat(AreaCode.of("150105").withinDistrict()).isTrue();
        assertThat(AreaCode.of("150100").withinDistrict()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15010", "1501050", "15010500100100300", "15010500100a", "150105-TRIAGE"})
    void shouldRefuseWhatIsNotAnAreaCode(String text) {
        assertThat(AreaCode.looksLike(text)).isFalse();
        assertThat(AreaCode.parse(text)).isEmpty();
        assertThatThrownBy(() -> AreaCode.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellAStreetsUrbanCommunityFromAVillageAndATownsCommunity() {
        assertThat(AreaCode.of("150105001001").urbanCommunity()).isTrue();       // 街道 001, 居委会 001
        assertThat(AreaCode.of("150105001001003").urbanCommunity()).isTrue();    // its grid
        assertThat(AreaCode.of("150105001201").urbanCommunity()).isFalse();      // 村委会 201
        assertThat(AreaCode.of("150121100001").urbanCommunity()).isFalse();      // a 镇's 社区
        assertThat(AreaCode.of("150105001").urbanCommunity()).isFalse();         // a street is no community
        assertThat(AreaCode.of("150105001").streetKind()).isEqualTo("街道");
        assertThat(AreaCode.of("150121100001").streetKind()).isEqualTo("镇");
        assertThat(AreaCode.of("150121201").streetKind()).isEqualTo("乡");
        assertThat(AreaCode.of("150121").streetKind()).isEmpty();
    }
}
