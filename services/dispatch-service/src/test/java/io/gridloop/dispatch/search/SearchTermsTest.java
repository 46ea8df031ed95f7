package io.gridloop.dispatch.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void shouldCutChineseIntoPairsAndKeepNumbersAndAccountsWhole() {
        assertThat(SearchTerms.of("阳光小区漏水（12345工单 GD2026-0042），报告人gw-saihan-01。"))
                .containsExactlyInAnyOrder("阳光", "光小", "小区", "区漏", "漏水", "12345", "工单", "gd2026-0042",
                        "报告", "告人", "gw-saihan-01");
    }

    @Test
    void shouldReadFullWidthAndCapitalsAsTheirPlainForms() {
        assertThat(SearchTerms.of("ＧＤ２０２６")).containsExactly("gd2026");
        assertThat(SearchTerms.ofQuery("gd2026").terms()).containsExactly("gd2026");
    }

    @Test
    void shouldLookUpNoLoneCharacterButKeepItAsAPhrase() {
        SearchTerms lone = SearchTerms.ofQuery("水");
        assertThat(lone.isEmpty()).isTrue();
        SearchTerms narrowed = SearchTerms.ofQuery("井盖 东");
        assertThat(narrowed.terms()).containsExactly("井盖");
        assertThat(narrowed.phrases()).containsExactly("井盖", "东");
        assertThat(narrowed.phrasesIn("东门外井盖缺失")).isTrue();
        assertThat(narrowed.phrasesIn("西门外井盖缺失")).isFalse();
    }

    @Test
    void shouldRequireEachPhraseAsWrittenNotJustItsPairs() {
        SearchTerms asked = SearchTerms.ofQuery("小区漏水");
        assertThat(asked.terms()).containsExactlyInAnyOrder("小区", "区漏", "漏水");
        // Holds every pair, but not the words together.
        assertThat(asked.phrasesIn("小区漏，区漏水")).isFalse();
        assertThat(asked.phrasesIn("阳光小区漏水严重")).isTrue();
    }
}
