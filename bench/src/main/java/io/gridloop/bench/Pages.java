package io.gridloop.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the workbench asks when an operator of the busiest district works: a work-list page and the tab counts, a
 * week of 已办结, the case page, a search by case number and by words — timed one after another (a person waits
 * for each), on whatever the store holds by then (after the district-year phase: a year of cases).
 */
final class Pages {

    /** 赛罕区: the demo city's district with the most grids, so the most cases. */
    static final String DISTRICT = "150105";
    private static final int WARM_UP = 20;

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    Pages(Stack stack) {
        this.stack = stack;
    }

    Map<String, Object> measure(int rounds) throws IOException, InterruptedException {
        // Cases to open and numbers to look up: the district's cases that ended this week.
        JsonNode closed = get("/api/v1/worklist/closed?area=" + DISTRICT + "&size=200");
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        closed.path("items").forEach(c -> {
            ids.add(c.path("id").asString());
            if (!c.path("caseNumber").isNull() && !c.path("caseNumber").isMissingNode()) {
                numbers.add(c.path("caseNumber").asString());
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("district", DISTRICT);
        out.put("casesEndedThisWeek", closed.path("total").asLong());
        out.put("workListPage", time(rounds, i -> "/api/v1/worklist?area=" + DISTRICT + "&tab=OPEN&page=" + (i % 5)));
        out.put("tabCounts", time(rounds, i -> "/api/v1/worklist/counts?area=" + DISTRICT));
        out.put("closedWeek", time(rounds, i -> "/api/v1/worklist/closed?area=" + DISTRICT + "&page=" + (i % 5)));
        if (!ids.isEmpty()) {
            out.put("casePage", time(rounds, i -> "/api/v1/cases/" + ids.get(i % ids.size())));
        }
        if (!numbers.isEmpty()) {
            out.put("searchByNumber", time(rounds, i -> search(numbers.get(i % numbers.size()))));
        }
        // A common word (a page found in the latest days), a rarer one, and two common words that never meet:
        // the whole year's term documents read and nothing found — the worst a search does.
        out.put("searchCommonWord", time(rounds, i -> search("垃圾清运")));
        out.put("searchRareWord", time(rounds, i -> search("井盖缺失")));
        out.put("searchWordsThatNeverMeet", time(rounds, i -> search("井盖 供暖")));
        return out;
    }

    private static String search(String q) {
        return "/api/v1/search?area=" + DISTRICT + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private Map<String, Object> time(int rounds, IntFunction<String> path) throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            get(path.apply(i));
        }
        Latency latency = new Latency();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            get(path.apply(i));
            latency.recordNanos(System.nanoTime() - t0);
        }
        return latency.summary();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(Stack.DISPATCH, path)))
                .header("Authorization", stack.authorization()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }
}
