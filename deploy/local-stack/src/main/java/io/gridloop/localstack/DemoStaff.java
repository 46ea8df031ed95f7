package io.gridloop.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The people of 赛罕区's demo units, registered in the unit directory as an administrator would, so that a case can
 * be assigned (指派) to one of them from the workbench. Done once the directory has learned the units from the
 * registry, in the background; a restart registers the same people again.
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

    static void registerInBackground(String dispatch, String adminToken) {
        Thread.ofVirtual().name("demo-staff").start(() -> {
            HttpClient http = HttpClient.newHttpClient();
            for (Map.Entry<String, String> unit : STAFF.entrySet()) {
                for (int attempt = 0; attempt < 60; attempt++) {
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                        URI.create(dispatch + "/api/v1/admin/units/" + unit.getKey() + "/members"))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(unit.getValue())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            break;
                        }
                        Thread.sleep(Duration.ofSeconds(2)); // the directory has not learned the unit yet
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (java.io.IOException e) {
                        log.debug("Demo staff of {} not registered yet: {}", unit.getKey(), e.toString());
                    }
                }
            }
            log.info("Demo staff registered for {}", STAFF.keySet());
        });
    }

    private DemoStaff() {
    }
}
