package io.gridloop.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people of 赛罕区's demo units, registered in the unit directory as an administrator would, so that a case can
 * be assigned (指派) to one of them from the workbench. Done once the directory has learned the units from the
 * registry, by a retry every two seconds; a restart registers the same people again.
 */
final class DemoStaff {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /** Unit code → the body of {@code PUT /api/v1/admin/units/{code}/members}. */
    static final Map<String, String> STAFF = Map.of(
            "150105-WATER", """
                    {"members":[{"username":"handler-saihan-water","name":"赛罕区水务局值班员"},
                     {"username":"water-zhang","name":"张建国"},{"username":"water-li","name":"李红"}]}""",
            "150105001", """
                    {"members":[{"username":"handler-renminxilu","name":"人民西路街道值班员"},
                     {"username":"rmxl-wang","name":"王芳"}]}""");

    /**
     * Registers the staff of each unit, trying again every two seconds until dispatch's directory knows the unit
     * (it learns units from the registry intake publishes at start) — a scheduled retry, so no thread waits.
     */
    static void registerInBackground(String dispatch, String adminToken) {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(STAFF.keySet());
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-staff");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger attempts = new AtomicInteger();
        retries.scheduleWithFixedDelay(() -> {
            waiting.removeIf(code -> registered(http, dispatch, adminToken, code));
            if (waiting.isEmpty() || attempts.incrementAndGet() >= 60) {
                log.info("Demo staff registered for {}{}", STAFF.keySet(),
                        waiting.isEmpty() ? "" : "; not for " + waiting + " (the directory never knew them)");
                retries.shutdown();
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    private static boolean registered(HttpClient http, String dispatch, String adminToken, String unit) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(dispatch + "/api/v1/admin/units/" + unit + "/members"))
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(STAFF.get(unit))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.io.IOException e) {
            log.debug("Demo staff of {} not registered yet: {}", unit, e.toString());
            return false;
        }
    }

    private DemoStaff() {
    }
}
