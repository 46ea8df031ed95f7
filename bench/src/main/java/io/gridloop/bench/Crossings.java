package io.gridloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a case crosses a process or storage boundary — database commands, HTTP requests served, Kafka records
 * sent and consumed — counted by the services' own meters (Micrometer's MongoDB command listener, Spring MVC's
 * request timer and the Kafka clients' metrics) on every service's Prometheus endpoint. Each crossing costs a few
 * hundred microseconds on this machine, so their number per case is most of the per-case cost; the split by
 * service and collection says where to cut.
 */
record Crossings(Map<String, Double> counts) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)} ([0-9.eE+-]+)$"); // a URI label may hold braces
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Reads every service's counters now. */
    static Crossings read(Stack stack) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Double> counts = new TreeMap<>();
        for (int port : Stack.ALL) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(port,
                                "/actuator/prometheus"))).timeout(Duration.ofSeconds(10))
                        .header("Authorization", stack.authorization()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    r.body().lines().forEach(line -> add(line, counts));
                }
            } catch (java.io.IOException e) {
                // a service that does not answer counts nothing; the summary shows which are missing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Crossings(counts);
    }

    /** Adds one exposition line to {@code counts} under a readable key, if it is one of the crossings. */
    static void add(String line, Map<String, Double> counts) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
            labels.put(l.group(1), l.group(2));
        }
        String service = labels.getOrDefault("application", "?");
        String key = switch (m.group(1)) {
            case "mongodb_driver_commands_seconds_count" -> "database " + service + " " + labels.get("collection")
                    + " " + labels.get("command");
            case "http_server_requests_seconds_count" -> labels.getOrDefault("uri", "").startsWith("/actuator")
                    ? null : "http " + service + " " + labels.get("method") + " " + labels.get("uri");
            case "kafka_producer_record_send_total" -> "kafka sent " + service;
            // Kafka's client metrics come per topic twice (dotted and with underscores) besides a per-client
            // total: the dotted per-topic series alone count each record once.
            case "kafka_consumer_fetch_manager_records_consumed_total" -> labels.getOrDefault("topic", "").contains(".")
                    ? "kafka consumed " + service + " " + labels.get("topic") : null;
            default -> null;
        };
        if (key != null) {
            counts.merge(key, Double.parseDouble(m.group(3)), Double::sum);
        }
    }

    /**
     * Crossings per closed case between {@code before} and now: totals per kind ("database", "http", "kafka sent",
     * "kafka consumed") first, then each counter that made at least 0.05 per case, largest first.
     */
    Map<String, Object> perCase(Crossings before, long cases) {
        Map<String, Double> diff = new TreeMap<>();
        counts.forEach((k, v) -> diff.put(k, v - before.counts.getOrDefault(k, 0.0)));
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String kind : new String[] {"database", "http", "kafka sent", "kafka consumed"}) {
            double sum = diff.entrySet().stream().filter(e -> e.getKey().startsWith(kind + " "))
                    .mapToDouble(Map.Entry::getValue).sum();
            totals.put(kind, round(sum / Math.max(1, cases)));
        }
        Map<String, Object> each = new LinkedHashMap<>();
        diff.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() / Math.max(1, cases) >= 0.05)
                .forEach(e -> each.put(e.getKey(), round(e.getValue() / Math.max(1, cases))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totals", totals);
        m.put("each", each);
        return m;
    }

    /**
     * The stack CPU per case that {@code perCase}'s crossings cost at least, at {@link Baselines#unitCosts}: finds at
     * a find's price, the database's other commands at an update's, requests at a request's, records sent at a
     * record's (produced and consumed once; more consumers only add).
     */
    @SuppressWarnings("unchecked")
    static double floorMs(Map<String, Object> perCase, Map<String, Object> unitCosts) {
        Map<String, Object> totals = (Map<String, Object>) perCase.get("totals");
        Map<String, Object> each = (Map<String, Object>) perCase.get("each");
        double writes = each.entrySet().stream().filter(e -> e.getKey().startsWith("database ")
                        && !e.getKey().endsWith(" find")).mapToDouble(e -> ((Number) e.getValue()).doubleValue()).sum();
        double database = ((Number) totals.get("database")).doubleValue();
        double floor = writes * number(unitCosts, "databaseUpdateMs")
                + (database - writes) * number(unitCosts, "databaseFindMs")
                + ((Number) totals.get("http")).doubleValue() * number(unitCosts, "httpRequestMs")
                + ((Number) totals.get("kafka sent")).doubleValue() * number(unitCosts, "kafkaRecordMs");
        return round(floor);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
