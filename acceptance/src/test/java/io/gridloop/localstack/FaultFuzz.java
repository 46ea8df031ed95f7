package io.gridloop.localstack;

import io.gridloop.contracts.hotline.HotlineSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed requests, as clients with bugs and people with curl send them: bytes that are not JSON, JSON of the
 * wrong shape and types, huge fields, broken UTF-8, wrong media types, absurd paths and parameters — to intake,
 * dispatch, statistics, the registry, Open311 and the 12345 bridge (correctly signed, so the body is read). Every
 * answer must be below 500 and, when it refuses, be problem+json.
 */
final class FaultFuzz {

    /** What the requests got. */
    /**
     * @param answeredOk requests some fuzzing left valid (an odd but legal query, say), answered 2xx
     */
    record Result(int sent, int serverErrors, int notProblemJson, int answeredOk, Map<String, Integer> byTarget,
                  List<String> examples) {
    }

    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;
    private final byte[] hotlineSecret;

    /** @param token a bearer token that may call every endpoint, so requests get past sign-in to the input checks */
    FaultFuzz(long seed, String token, String hotlineSecret) {
        this.random = new Random(seed);
        this.token = token;
        this.hotlineSecret = hotlineSecret.getBytes(StandardCharsets.UTF_8);
    }

    private record Request(String target, String method, String url, String contentType, byte[] body,
                           Map<String, String> headers) {
    }

    Result run(int count, String intake, String dispatch, String stats, String bridge) {
        List<Supplier<Request>> kinds = List.of(
                () -> new Request("intake: report body", "POST", intake + "/api/v1/events", "application/json",
                        reportBody(), Map.of()),
                () -> new Request("intake: report media type", "POST", intake + "/api/v1/events",
                        pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1"),
                        reportBody(), Map.of()),
                () -> new Request("intake: registry import", "POST", intake + "/api/v1/admin/grid-registry",
                        pick("text/csv", "application/json"), registryBody(), Map.of()),
                () -> new Request("intake: Open311 request", "POST", intake + "/open311/v2/requests.json",
                        "application/x-www-form-urlencoded", open311Body(), Map.of()),
                () -> new Request("intake: odd paths", "GET", intake + "/api/v1/events/" + oddSegment(), null, null,
                        Map.of()),
                () -> new Request("dispatch: action body", "POST", dispatch + "/api/v1/cases/" + oddSegment()
                        + "/actions/" + pick("accept", "feedback", "close", "merge", "request-extension", "route",
                        "reassign", oddSegment()), "application/json", actionBody(), Map.of()),
                () -> new Request("dispatch: queue parameters", "GET", dispatch + "/api/v1/queues/" + oddSegment()
                        + "?" + oddQuery("state", "category", "overdue", "page", "size"), null, null, Map.of()),
                () -> new Request("dispatch: rules body", "PUT", dispatch + "/api/v1/admin/routing-rules",
                        "application/json", rulesBody(), Map.of()),
                () -> new Request("stats: table parameters", "GET", stats + "/api/v1/stats/completion?"
                        + oddQuery("level", "parent", "period", "category", "source", "rankBy"), null, null, Map.of()),
                () -> new Request("stats: trend and export", "GET", stats + pick("/api/v1/stats/trend?",
                        "/api/v1/stats/completion/export?", "/api/v1/stats/overdue?", "/api/v1/stats/areas/"
                                + oddSegment() + "?") + oddQuery("area", "to", "months", "format", "page", "size",
                        "period"), null, null, Map.of()),
                () -> signedOrder(bridge),
                () -> new Request("bridge: unsigned order", "POST", bridge + "/api/v1/hotline/orders",
                        "application/json", utf8(orderBody()), Map.of()));
        Map<String, Integer> byTarget = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        int serverErrors = 0;
        int notProblem = 0;
        int ok = 0;
        for (int i = 0; i < count; i++) {
            Request r = kinds.get(i % kinds.size()).get();
            byTarget.merge(r.target(), 1, Integer::sum);
            HttpResponse<byte[]> answer = send(r);
            if (answer == null) {
                serverErrors++;
                examples.add(r.target() + ": no answer");
                continue;
            }
            int status = answer.statusCode();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (status < 300) {
                ok++;
            }
            if (status >= 500) {
                serverErrors++;
                if (examples.size() < 20) {
                    examples.add(r.target() + " → " + status + " " + r.method() + " " + cut(r.url()) + " body "
                            + cut(r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8)) + " answer "
                            + cut(new String(answer.body(), StandardCharsets.UTF_8)));
                }
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                notProblem++;
                if (examples.size() < 20) {
                    examples.add(r.target() + " → " + status + " as " + type + ": " + cut(r.url()));
                }
            }
        }
        return new Result(count, serverErrors, notProblem, ok, byTarget, examples);
    }

    private HttpResponse<byte[]> send(Request r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        r.headers().forEach(b::header);
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---- bodies ----

    private static final String VALID_REPORT = """
            {"clientEventId":"%s","source":"GRID_PATROL","category":"HAZARD","subCategory":"FIRE_SAFETY",
             "gridCode":"150105001001003","description":"楼道堆放杂物","occurredAt":"2026-03-02T01:20:00Z",
             "reporterId":"fuzz"}""";

    private byte[] reportBody() {
        String valid = VALID_REPORT.formatted("fuzz-" + random.nextInt(1_000_000));
        return switch (random.nextInt(14)) {
            case 0 -> randomBytes(random.nextInt(300));
            case 1 -> utf8(valid.substring(0, random.nextInt(valid.length())));
            case 2 -> utf8(valid.replace("\"150105001001003\"", pick("150105001001003", "true", "[]", "{}", "-1e999")));
            case 3 -> utf8(valid.replace("\"2026-03-02T01:20:00Z\"", pick("\"yesterday\"", "12", "\"2026-02-30T00:00:00Z\"",
                    "\"+999999999-12-31T23:59:59Z\"", "null")));
            case 4 -> utf8(valid.replace("楼道堆放杂物", "很长".repeat(200_000)));
            case 5 -> utf8(valid.replace("\"fuzz\"}", "\"" + "x".repeat(100_000) + "\"}"));
            case 6 -> latin1AndBrokenUtf8(valid);
            case 7 -> utf8("[" + valid + "]");
            case 8 -> utf8("{".repeat(5_000) + "}".repeat(5_000));
            case 9 -> utf8(valid.replace("\"HAZARD\"", pick("\"hazard\"", "\"\"", "0", "\"DROP TABLE\"", "null")));
            case 10 -> utf8(valid.replace("\"GRID_PATROL\"", "\"HOTLINE_12345\"").replace(",\"reporterId\"",
                    ",\"dueAt\":\"not-a-time\",\"reporterId\""));
            case 11 -> utf8("{\"photoIds\":[" + "\"p\",".repeat(50) + "\"p\"]," + valid.substring(1));
            case 12 -> utf8(valid.replace("\"楼道堆放杂物\"", "\"\\u0000\\ud800\\udfff\\uffff\""));
            default -> new byte[0];
        };
    }

    private byte[] actionBody() {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random.nextInt(200));
            case 1 -> utf8("{\"extensionWorkingDays\":\"" + pick("many", "-5", "1e9") + "\"}");
            case 2 -> utf8("{\"comment\":\"" + "长".repeat(50_000) + "\"}");
            case 3 -> utf8("{\"unitLevel\":\"" + pick("PLANET", "grid", "") + "\",\"unitCode\":\"x\"}");
            case 4 -> utf8("{\"photoIds\":" + pick("\"p1\"", "[1,2]", "{}", "[" + "\"p\",".repeat(20) + "\"p\"]") + "}");
            case 5 -> utf8("null");
            case 6 -> latin1AndBrokenUtf8("{\"comment\":\"已处理\"}");
            default -> utf8("{\"mergeInto\":" + pick("[]", "\"" + "z".repeat(1000) + "\"", "7") + "}");
        };
    }

    private byte[] registryBody() {
        return switch (random.nextInt(6)) {
            case 0 -> utf8("code,name,status,latitude,longitude\n150105,赛罕区,ACTIVE,north,east\n");
            case 1 -> utf8("garbage\n\"unterminated,quote\n");
            case 2 -> utf8("[{\"code\":12,\"name\":[],\"centroid\":\"here\"}]");
            case 3 -> utf8("code,name\n" + "9".repeat(10_000) + ",x\n");
            case 4 -> randomBytes(500);
            default -> utf8("[{\"code\":\"150105\",\"polygon\":[{\"latitude\":\"a\"}]}]");
        };
    }

    private byte[] rulesBody() {
        return switch (random.nextInt(4)) {
            case 0 -> utf8("{\"basedOnVersion\":\"latest\",\"rules\":[]}");
            case 1 -> utf8("{\"basedOnVersion\":1,\"rules\":[{\"id\":null,\"target\":{\"kind\":\"MOON\"}}]}");
            case 2 -> utf8("{\"basedOnVersion\":1,\"rules\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}");
            default -> randomBytes(100);
        };
    }

    private byte[] open311Body() {
        return utf8(switch (random.nextInt(5)) {
            case 0 -> "api_key=nope&service_code=STREETLIGHT&lat=abc&long=def";
            case 1 -> "service_code=" + "S".repeat(5_000);
            case 2 -> "%%%%=%zz&lat=1e400";
            case 3 -> "api_key=&description=" + URLEncoder.encode("路灯".repeat(10_000), StandardCharsets.UTF_8);
            default -> "lat=91&long=181&service_code=STREETLIGHT";
        });
    }

    private String orderBody() {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"orderNumber\":12345,\"categoryPath\":\"路灯\"}";
            case 1 -> "{\"orderNumber\":\"GD-fuzz\",\"dueAt\":\"whenever\",\"createdAt\":[]}";
            case 2 -> "{\"orderNumber\":\"" + "G".repeat(20_000) + "\"}";
            case 3 -> "[\"not\",\"an\",\"order\"]";
            default -> "{\"orderNumber\":\"GD-fuzz-" + random.nextInt(1000) + "\",\"requestText\":null}";
        };
    }

    private Request signedOrder(String bridge) {
        byte[] body = utf8(orderBody());
        return new Request("bridge: signed malformed order", "POST", bridge + "/api/v1/hotline/orders",
                "application/json", body, HotlineSignature.headers(hotlineSecret, Instant.now(), "POST",
                "/api/v1/hotline/orders", body));
    }

    // ---- pieces ----

    private String oddSegment() {
        return pick("..%2F..%2Fetc%2Fpasswd", "%00", "x".repeat(3_000), "%E4%B8", "null", "-1", "%20", "案件",
                "1;DROP", "%7B%7D");
    }

    private String oddQuery(String... names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (random.nextBoolean()) {
                q.append(name).append('=').append(pick("", "-1", "99999999999999999999", "2026-13", "2026-Q5",
                        "abc", "%FF%FE", "%E4%B8", "x".repeat(5_000), "city", "GRID", "1e9", "%00")).append('&');
            }
        }
        return q.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] latin1AndBrokenUtf8(String json) {
        byte[] latin = json.replace("楼道堆放杂物", "ÄÖÜ").replace("已处理", "ÄÖÜ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[latin.length + 2];
        System.arraycopy(latin, 0, out, 0, latin.length);
        out[latin.length] = (byte) 0xC3;
        out[latin.length + 1] = (byte) 0x28;
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
