package io.gridloop.dispatch.unit;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.Areas;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.dispatch.lifecycle.CaseFile;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unit directory: a centre for every registry area and the rules' departments for every district; people
 * send cases only to units of the directory that are active, serve the case's area and, for an escalation, sit
 * one level up; administrators keep their districts' departments.
 */
class UnitDirectoryTest extends ServiceIntegrationTest {

    @Autowired
    UnitDirectory units;

    @Autowired
    CaseFiles cases;

    /** A district of its own, so its directory holds only this test's units. */
    private final String district = freshDistrict();

    /** Never ending in 00: such a code is its city's (150100), and the city's centre would be the district's. */
    private static String freshDistrict() {
        return "9" + ThreadLocalRandom.current().nextInt(1_000, 10_000) + ThreadLocalRandom.current().nextInt(1, 10);
    }
    private final String street = district + "001";
    private final String grid = district + "001002003";
    private final Identity admin = Identity.of("admin-units", List.of("ADMIN"), district);
    private final Identity operator = Identity.of("op-units", List.of("OPERATOR"), district);

    @BeforeEach
    void registerTheDistrict() {
        Areas.registerGrid(bootstrap, grid, "测试区");
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(grid).isPresent()
                && units.find(district + "-WATER").isPresent());
    }

    @Test
    void shouldKeepACentreForEveryRegistryAreaAndTheRulesDepartmentsForEveryDistrict() {
        as(operator).get().uri("/api/v1/units?area={d}&size=100", district).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == '" + district + "')].name").isEqualTo(List.of("测试区网格化服务管理中心"))
                .jsonPath("$.items[?(@.code == '" + district + "')].kind").isEqualTo(List.of("DISTRICT_CENTRE"))
                .jsonPath("$.items[?(@.code == '" + street + "')].name").isEqualTo(List.of("测试街道网格化服务管理中心"))
                .jsonPath("$.items[?(@.code == '" + street + "')].levelLabel").isEqualTo(List.of("街道（乡镇）"))
                .jsonPath("$.items[?(@.code == '" + grid.substring(0, 12) + "')].name")
                .isEqualTo(List.of("测试社区网格工作站"))
                .jsonPath("$.items[?(@.code == '" + grid + "')].kind").isEqualTo(List.of("GRID"))
                // Every department a default rule names, for this district, with the district's name.
                .jsonPath("$.items[?(@.code == '" + district + "-WATER')].name").isEqualTo(List.of("测试区水务局"))
                .jsonPath("$.items[?(@.code == '" + district + "-GAS')].level").isEqualTo(List.of("DISTRICT"));
        String city = district.substring(0, 4) + "00";
        as(operator).get().uri("/api/v1/units/{c}", city).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("CITY_CENTRE")
                .jsonPath("$.level").isEqualTo("CITY");
        // Another district's operator neither lists nor reads them.
        Identity elsewhere = Identity.of("op-elsewhere", List.of("OPERATOR"), "150102");
        as(elsewhere).get().uri("/api/v1/units?area={d}", district).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        as(elsewhere).get().uri("/api/v1/units/{c}", district + "-WATER").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("UNIT_NOT_FOUND");

        // The registry retires a community (撤并): its station stays for history, inactive.
        Areas.register(bootstrap, new AreaRegistered(grid.substring(0, 12), "测试社区", AreaLevel.COMMUNITY,
                street, false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !units.find(grid.substring(0, 12)).orElseThrow().active());
    }

    @Test
    void shouldSendACaseOnlyToActiveUnitsOfItsAreaAndEscalateExactlyOneLevelUp() {
        CaseFile atStreet = streetlightCase();
        assertThat(atStreet.handling().unitCode()).isEqualTo(street);
        // The rule knew the street centre by its code; the case carries the directory's name for it.
        assertThat(atStreet.handling().unitName()).isEqualTo(units.find(street).orElseThrow().name())
                .contains("测试街道").doesNotContain(street);
        Identity handler = Identity.of("h-street", List.of("HANDLER"), district).withUnit(street);

        // The choices a form offers: district-level units of this district only.
        as(handler).get().uri("/api/v1/cases/{id}/units?action=escalate", atStreet.id()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[*].level").value(levels -> assertThat((List<?>) levels).isNotEmpty()
                        .allMatch("DISTRICT"::equals))
                .jsonPath("$[?(@.code == '" + district + "')]").exists()
                .jsonPath("$[?(@.code == '" + district + "-WATER')]").exists()
                .jsonPath("$[?(@.code == '" + street + "')]").doesNotExist();
        as(handler).get().uri("/api/v1/cases/{id}/units?action=claim", atStreet.id()).exchange()
                .expectStatus().isBadRequest();

        escalate(handler, atStreet.id(), "000000-WATER").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_UNIT")
                .jsonPath("$.errors[0].field").isEqualTo("unitCode");
        escalate(handler, atStreet.id(), district + "-INVENTED").expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_UNIT");
        escalate(handler, atStreet.id(), district.substring(0, 4) + "00").expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("UNIT_NOT_ALLOWED")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("逐级"));
        // Another district's department exists, but is out of this case's reach.
        String other = freshDistrict();
        Areas.registerGrid(bootstrap, other + "001002003", "另一测试区");
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(other + "-WATER").isPresent());
        escalate(handler, atStreet.id(), other + "-WATER").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNIT_NOT_ALLOWED");
        assertThat(cases.find(atStreet.id()).orElseThrow().handling().unitCode()).as("nothing moved").isEqualTo(street);

        escalate(handler, atStreet.id(), district + "-WATER").expectStatus().isOk().expectBody()
                .jsonPath("$.handlingUnit").isEqualTo(district + "-WATER")
                .jsonPath("$.handlingUnitName").isEqualTo("测试区水务局")
                .jsonPath("$.level").isEqualTo("DISTRICT");

        // An operator retires a department of its own, then may not send cases there.
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-URBAN").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区城市管理综合行政执法局\",\"active\":true}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("DEPARTMENT").jsonPath("$.level").isEqualTo("DISTRICT");
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-URBAN").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区城市管理综合行政执法局\",\"active\":false}").exchange().expectStatus().isOk();
        reassign(atStreet.id(), district + "-URBAN").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNIT_INACTIVE");
        reassign(atStreet.id(), district + "-WATER").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNIT_NOT_ALLOWED");
        reassign(atStreet.id(), grid).expectStatus().isOk().expectBody()
                .jsonPath("$.handlingUnit").isEqualTo(grid)
                .jsonPath("$.handlingUnitName").isEqualTo("测试第1网格")
                .jsonPath("$.level").isEqualTo("GRID");
    }

    /** A unit whose entry asks for photos of the result takes no feedback without them. */
    @Test
    void shouldRequireThePhotosOfTheResultAUnitsEntryAsksFor() {
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区水务局\",\"active\":true,\"feedbackPhotos\":1}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.feedbackPhotos").isEqualTo(1);
        CaseFile atStreet = streetlightCase();
        Identity handler = Identity.of("h-street", List.of("HANDLER"), district).withUnit(street);
        escalate(handler, atStreet.id(), district + "-WATER").expectStatus().isOk();
        Identity water = Identity.of("h-water", List.of("HANDLER"), district).withUnit(district + "-WATER");
        as(water).post().uri("/api/v1/cases/{id}/actions/accept", atStreet.id())
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

        as(water).post().uri("/api/v1/cases/{id}/actions/feedback", atStreet.id())
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"已抢修供水管道\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("FEEDBACK_PHOTOS_REQUIRED")
                .jsonPath("$.errors[0].field").isEqualTo("photoIds")
                .jsonPath("$.detail").isEqualTo("测试区水务局的反馈须附办结照片至少1张，本次0张");

        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区水务局\",\"active\":true}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.feedbackPhotos").isEqualTo(0);
        as(water).post().uri("/api/v1/cases/{id}/actions/feedback", atStreet.id())
                .contentType(MediaType.APPLICATION_JSON).body("{\"comment\":\"已抢修供水管道\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldAssignACaseOnlyToAPersonItsUnitRegistered() {
        CaseFile atStreet = streetlightCase();
        Identity lead = Identity.of("lead-street", List.of("HANDLER"), district).withUnit(street);
        assign(lead, atStreet.id(), "wang-wu").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("ASSIGNEE_NOT_MEMBER")
                .jsonPath("$.errors[0].field").isEqualTo("assignee")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("尚未登记工作人员"));

        as(admin).put().uri("/api/v1/admin/units/{c}/members", street).contentType(MediaType.APPLICATION_JSON)
                .body("{\"members\":[{\"username\":\"zhang-san\",\"name\":\"张三\"},"
                        + "{\"username\":\"li-si\",\"name\":\"李四\"}]}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.members[1].name").isEqualTo("李四");
        // The form's choices: the unit's people, read with the unit.
        as(lead).get().uri("/api/v1/units/{c}", street).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.members[*].username").isEqualTo(List.of("zhang-san", "li-si"));
        assign(lead, atStreet.id(), "wang-wu").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("登记的工作人员"));
        assign(lead, atStreet.id(), "li-si").expectStatus().isOk().expectBody().jsonPath("$.assignee")
                .isEqualTo("li-si");

        // Editing the department keeps its people; another district's administrator may not touch them.
        as(Identity.of("admin-other", List.of("ADMIN"), "150102")).put()
                .uri("/api/v1/admin/units/{c}/members", street).contentType(MediaType.APPLICATION_JSON)
                .body("{\"members\":[]}").exchange().expectStatus().isNotFound();
        as(admin).put().uri("/api/v1/admin/units/{c}/members", street).contentType(MediaType.APPLICATION_JSON)
                .body("{\"members\":[{\"username\":\"a\",\"name\":\"甲\"},{\"username\":\"a\",\"name\":\"乙\"}]}")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("DUPLICATE_MEMBER");
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区水务局\",\"active\":true}").exchange().expectStatus().isOk();
        as(admin).put().uri("/api/v1/admin/units/{c}/members", district + "-WATER")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"members\":[{\"username\":\"w-1\",\"name\":\"水务一\"}]}").exchange().expectStatus().isOk();
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区水务局（改）\",\"active\":true}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.members[0].username").isEqualTo("w-1");
    }

    private RestTestClient.ResponseSpec assign(Identity who, String caseId, String assignee) {
        return as(who).post().uri("/api/v1/cases/{id}/actions/assign", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"assignee\":\"" + assignee + "\"}").exchange();
    }

    @Test
    void shouldLetAnAdministratorKeepOnlyTheirOwnDistrictsDepartments() {
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-CIVIL").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区民政局\",\"active\":true}").exchange().expectStatus().isOk();
        as(operator).get().uri("/api/v1/units?area={d}&kind=DEPARTMENT&q=民政", district).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].code").isEqualTo(district + "-CIVIL");

        Identity otherAdmin = Identity.of("admin-other", List.of("ADMIN"), "150102");
        as(otherAdmin).put().uri("/api/v1/admin/units/{c}", district + "-CIVIL")
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"改名\",\"active\":false}").exchange()
                .expectStatus().isForbidden();
        as(admin).put().uri("/api/v1/admin/units/{c}", "civil").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"民政局\",\"active\":true}").exchange().expectStatus().isBadRequest();
        Identity national = Identity.of("admin-cn", List.of("ADMIN"), "CN");
        as(national).put().uri("/api/v1/admin/units/{c}", "000000-CIVIL").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"民政局\",\"active\":true}").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_AREA");
        // A department the rules send cases to is not retired under them.
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区水务局\",\"active\":false}").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("UNIT_IN_RULES")
                .jsonPath("$.rules[0]").isEqualTo("dept-water-supply");
        assertThat(units.find(district + "-WATER").orElseThrow().active()).isTrue();
        // A seed never overwrites what an administrator set: the registry re-published does not rename it.
        as(admin).put().uri("/api/v1/admin/units/{c}", district + "-GAS").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"测试区燃气集团\",\"active\":true}").exchange().expectStatus().isOk();
        Areas.registerGrid(bootstrap, grid, "测试区");
        Areas.register(bootstrap, new AreaRegistered(district + "009", "最后一个街道", AreaLevel.STREET, district,
                true, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(district + "009").isPresent());
        assertThat(units.find(district + "-GAS").orElseThrow().name()).isEqualTo("测试区燃气集团");
    }

    private CaseFile streetlightCase() {
        String id = UUID.randomUUID().toString();
        EventReported event = Reports.of(id, "STREETLIGHT", grid, "测试区", Instant.now());
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, new EventCodec().encode(EventEnvelope.of(
                Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, event.reportedAt(), id, event)));
        return await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).orElse(null),
                c -> c != null && c.outbox().isEmpty() && c.handling().level() == AreaLevel.STREET);
    }

    private RestTestClient.ResponseSpec escalate(Identity handler, String id, String unitCode) {
        return as(handler).post().uri("/api/v1/cases/{id}/actions/escalate", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"街道无法协调\",\"unitCode\":\"" + unitCode + "\"}").exchange();
    }

    private RestTestClient.ResponseSpec reassign(String id, String unitCode) {
        return as(operator).post().uri("/api/v1/cases/{id}/actions/reassign", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"改派测试\",\"unitCode\":\"" + unitCode + "\"}").exchange();
    }
}
