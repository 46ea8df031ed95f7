package io.gridloop.localstack;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The people of 赛罕区's demo units, registered in the unit directory as an administrator would, so that a case can
 * be assigned (指派) to one of them from the workbench. Done once the directory has learned the units from the
 * registry ({@link DemoSetup}); a restart registers the same people again.
 */
final class DemoStaff {

    /** Unit code → the body of {@code PUT /api/v1/admin/units/{code}/members}. */
    static final Map<String, String> STAFF = Map.of(
            "150105-WATER", """
                    {"members":[{"username":"handler-saihan-water","name":"赛罕区水务局值班员"},
                     {"username":"water-zhang","name":"张建国"},{"username":"water-li","name":"李红"}]}""",
            "150105001", """
                    {"members":[{"username":"handler-renminxilu","name":"人民西路街道值班员"},
                     {"username":"rmxl-wang","name":"王芳"}]}""");

    static void registerInBackground(String dispatch, String adminToken) {
        Map<String, DemoSetup.Call> calls = new LinkedHashMap<>();
        STAFF.forEach((unit, body) -> calls.put(unit, new DemoSetup.Call("PUT",
                dispatch + "/api/v1/admin/units/" + unit + "/members", "application/json",
                body.getBytes(StandardCharsets.UTF_8))));
        DemoSetup.inBackground("staff", adminToken, calls);
    }

    private DemoStaff() {
    }
}
