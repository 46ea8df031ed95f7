package io.gridloop.metrics.district;

import io.gridloop.contracts.event.DistrictCompletionSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The supervisors' first page: every district with its 上报数, 办结数 and 办结率, refreshed every few seconds.
 * Rendered on the server so it works on any browser of a government intranet, without scripts.
 */
@RestController
class DashboardController {

    private static final DateTimeFormatter CST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final DistrictBoard board;

    DashboardController(DistrictBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/dashboard/districts")
    List<DistrictCompletionSnapshot> districts() {
        return board.all();
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        List<DistrictCompletionSnapshot> rows = board.all();
        StringBuilder body = new StringBuilder();
        long reported = 0;
        long closed = 0;
        for (DistrictCompletionSnapshot s : rows) {
            reported += s.reported();
            closed += s.closed();
            body.append(row(s.districtName(), s.districtCode(), s.reported(), s.closed(), s.completionRate(),
                    CST.format(s.asOf())));
        }
        if (rows.isEmpty()) {
            body.append("<tr><td colspan=\"6\" class=\"empty\">暂无数据：还没有上报的事件</td></tr>");
        } else {
            body.append(row("全市合计", "", reported, closed, reported == 0 ? null : (double) closed / reported, ""));
        }
        return PAGE.replace("{{rows}}", body.toString());
    }

    private static String row(String name, String code, long reported, long closed, Double rate, String asOf) {
        String percent = rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
        int width = rate == null ? 0 : (int) Math.round(rate * 100);
        return "<tr><td>" + escape(name) + "</td><td>" + escape(code) + "</td><td class=\"n\">" + reported
                + "</td><td class=\"n\">" + closed + "</td><td class=\"rate\"><span class=\"bar\" style=\"width:"
                + width + "%\"></span><span class=\"v\">" + percent + "</span></td><td>" + escape(asOf)
                + "</td></tr>\n";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="5">
            <title>网格事件办结率 · gridloop</title>
            <style>
            body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;min-width:52em}
            th,td{border-bottom:1px solid #ddd;padding:.45em .8em;text-align:left}
            th{background:#f3f5f7}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.rate{position:relative;width:14em}
            .bar{position:absolute;left:0;top:.3em;bottom:.3em;background:#cfe3f7}
            .v{position:relative}
            tr:last-child td{font-weight:bold}
            .empty{color:#888}
            footer{margin-top:1em;color:#888;font-size:.9em}
            </style>
            </head>
            <body>
            <h1>网格事件办结率</h1>
            <p>办结率 = 办结数 ÷ 上报数。每5秒自动刷新。</p>
            <table>
            <thead><tr><th>区县</th><th>区划代码</th><th>上报数</th><th>办结数</th><th>办结率</th><th>更新时间（北京时间）</th></tr></thead>
            <tbody>
            {{rows}}</tbody>
            </table>
            <footer>数据来源：统计服务（grid.stats.district.v1）· Prometheus 指标：<a href="/actuator/prometheus">/actuator/prometheus</a></footer>
            </body>
            </html>
            """;
}
