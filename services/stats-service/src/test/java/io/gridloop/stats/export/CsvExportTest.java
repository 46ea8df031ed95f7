package io.gridloop.stats.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    @Test
    void shouldWriteUtf8WithABomSoExcelReadsTheChineseHeaders() {
        Sheet sheet = new Sheet("统计", List.of(new Sheet.Column("区县", Sheet.Kind.TEXT),
                new Sheet.Column("上报数", Sheet.Kind.COUNT), new Sheet.Column("办结率", Sheet.Kind.RATE)),
                List.of(List.of("赛罕区", 40L, 0.925), Arrays.asList("新城区", 0L, null)));

        byte[] csv = CsvExport.write(sheet);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8).substring(1))
                .isEqualTo("区县,上报数,办结率\r\n赛罕区,40,92.5%\r\n新城区,0,\r\n");
    }

    @Test
    void shouldQuoteWhatNeedsQuotingAndDefuseFormulas() {
        assertThat(CsvExport.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.quote("说\"明\"")).isEqualTo("\"说\"\"明\"\"\"");
        assertThat(CsvExport.quote("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(CsvExport.quote("-12.5%")).isEqualTo("-12.5%");
    }
}
