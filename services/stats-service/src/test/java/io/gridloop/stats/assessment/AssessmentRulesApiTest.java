package io.gridloop.stats.assessment;

import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.stats.CaseHistories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

/** Scoring rules as versioned data: saved by an administrator of the programme, refused field by field. */
public class AssessmentRulesApiTest extends ServiceIntegrationTest {

    private final String district = CaseHistories.freshDistrict();
    private final Identity admin = Identity.of("admin-a", List.of("ADMIN"), district);

    public static String rules(String programme, String from, String qualified, String excellent) {
        return """
                {"rules":{"programme":"%s","effectiveFrom":"%s","baseScore":60,"qualifiedAt":%s,"excellentAt":%s,
                  "rules":[{"measure":"VALID_REPORTS","pointsPerUnit":0.5,"cap":10},
                           {"measure":"HOUSEHOLD_VISITS","pointsPerUnit":1,"cap":20},
                           {"measure":"FOUND_FIRST_BY_CITIZENS","pointsPerUnit":-2,"cap":10}]},
                 "basedOnVersion":%%d,"comment":"区考核细则"}""".formatted(programme, from, qualified, excellent);
    }

    private RestTestClient.ResponseSpec save(Identity who, String body) {
        return as(who).post().uri("/api/v1/assessment/rules").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }

    @Test
    void shouldKeepEachVersionAndScoreAMonthByTheRulesInForceThen() {
        save(admin, rules(district, "2026-01", "70", "85").formatted(0)).expectStatus().isCreated().expectBody()
                .jsonPath("$.version").isEqualTo(1).jsonPath("$.changedBy").isEqualTo("admin-a（admin-a）");
        save(admin, rules(district, "2026-07", "75", "88").formatted(1)).expectStatus().isCreated().expectBody()
                .jsonPath("$.version").isEqualTo(2);
        // Saved on an old version: somebody else's change is not silently undone.
        save(admin, rules(district, "2026-09", "75", "88").formatted(1)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("RULES_CHANGED_MEANWHILE");

        as(admin).get().uri("/api/v1/assessment/rules?programme={d}", district).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].version").isEqualTo(2);
        String grid = district + "001001001";
        as(admin).get().uri("/api/v1/assessment/rules/in-force?areaCode={g}&month=2026-03", grid).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.rules.qualifiedAt").isEqualTo(70);
        as(admin).get().uri("/api/v1/assessment/rules/in-force?areaCode={g}&month=2026-12", grid).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.rules.effectiveFrom").isEqualTo("2026-07");
        // Before the district's first rules, and outside the city's programme, nothing applies.
        as(admin).get().uri("/api/v1/assessment/rules/in-force?areaCode={g}&month=2025-12", grid).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NO_ASSESSMENT_RULES");
    }

    @Test
    void shouldFallBackToTheCitysRulesSeededAtFirstStart() {
        // The installation's programme (1501, the demo city) has its default rules from the first start.
        as(Identity.of("sv", List.of("SUPERVISOR"), "1501")).get()
                .uri("/api/v1/assessment/rules/in-force?areaCode=150105001001003&month=2026-12").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.programme").isEqualTo("1501")
                .jsonPath("$.rules.rules[?(@.measure == 'FOUND_FIRST_BY_CITIZENS')].pointsPerUnit")
                .isEqualTo(List.of(-2));
    }

    @Test
    void shouldRefuseBrokenRulesNamingEachFieldInChinese() {
        save(admin, rules(district, "2026-01", "90", "80").replace("\"pointsPerUnit\":-2", "\"pointsPerUnit\":2")
                .replace("\"VALID_REPORTS\"", "\"REPORTS_BY_MAGIC\"").formatted(0))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_ASSESSMENT_RULES")
                .jsonPath("$.errors[0].field").isEqualTo("excellentAt")
                .jsonPath("$.errors[0].message").isEqualTo("优秀分数线须高于合格分数线")
                .jsonPath("$.errors[1].field").isEqualTo("rules[0].measure")
                .jsonPath("$.errors[2].field").isEqualTo("rules[2].pointsPerUnit");
        as(admin).get().uri("/api/v1/assessment/rules?programme={d}", district).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void shouldLetOnlyAnAdministratorOfTheProgrammesAreaSaveIt() {
        save(Identity.of("admin-b", List.of("ADMIN"), CaseHistories.freshDistrict()),
                rules(district, "2026-01", "70", "85").formatted(0))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_AREA");
        save(Identity.of("sv", List.of("SUPERVISOR"), district), rules(district, "2026-01", "70", "85").formatted(0))
                .expectStatus().isForbidden();
        as(Identity.of("sv", List.of("SUPERVISOR"), district)).get().uri("/api/v1/assessment/measures").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'FOUND_FIRST_BY_CITIZENS')].label").isEqualTo(List.of("问题被群众先发现"))
                .jsonPath("$[?(@.code == 'FOUND_FIRST_BY_CITIZENS')].penalty").isEqualTo(List.of(true));
    }
}
