package io.gridloop.localstack;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.infra.DevelopmentSettings;
import io.gridloop.infra.FreePort;
import io.gridloop.infra.KraftBroker;
import io.gridloop.infra.MongoWireServer;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.DevTokenIssuer;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workbench in a real headless Chromium, as the people of the closed loop use it: the dispatch centre's
 * operator and a handling unit sign in through the realm's login page (authorization code with PKCE), find the
 * case by its number, route it to a unit chosen from the directory, claim, accept and feed back with a photo,
 * send it back for rework with a reason, close it. Refusals read in Chinese; nobody sees another district's
 * case or a button their role cannot press; a session outlives its first token. Screenshots of each step are
 * kept in {@code target/workbench-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    private static final Duration PATIENCE = LoopDriver.PATIENCE;
    /** Short, so the session has to renew its token while the test runs. */
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(75);
    private static final String SAIHAN_COMMUNITY = "150105001001";
    private static final String XINCHENG_COMMUNITY = "150102001001";
    private static final String OPERATOR = "operator-saihan";
    private static final String WATER = "handler-saihan-water";
    private static final String GRID_WORKER = "gw-saihan-01";
    private static final String COMMUNITY_CENTRE = "community-saihan-01";
    private static final String GRID_WORKERS_SECOND_GRID = "150105001001002";

    private DevTokenIssuer issuer;
    private KraftBroker kafka;
    private MongoWireServer mongo;
    private GridloopStack stack;
    private ChromeDriver browser;
    private LoopDriver loop;
    private RestTestClient dispatch;
    private String workbench;
    private String caseId;
    private String caseNumber;
    private Path photo;
    private Instant firstTokenExpiry;

    @BeforeAll
    void start() throws IOException {
        // Infrastructure of its own: the demo users' district (赛罕区) gets cases here that the closed-loop
        // scenario, counting that district's figures exactly, must not see.
        issuer = DevTokenIssuer.start(0, DevRealm.standard(), TOKEN_LIFETIME);
        kafka = KraftBroker.start(Files.createTempDirectory(Path.of("target"), "workbench-kafka-"), FreePort.next(),
                FreePort.next());
        mongo = MongoWireServer.startInMemory(FreePort.next());
        ServicePorts ports = ServicePorts.free();
        workbench = "http://localhost:" + ports.metrics() + "/workbench/";
        Map<String, Object> settings = new LinkedHashMap<>(DevelopmentSettings.of(issuer));
        // An installation's tile server under the case map (a stand-in serving one plain tile for every address).
        tiles = tileServer();
        String tileOrigin = "http://localhost:" + tiles.getAddress().getPort();
        settings.put("gridloop.workbench.map-tiles", tileOrigin + "/{z}/{x}/{y}.png");
        settings.put("gridloop.workbench.map-tiles-origin", tileOrigin);
        stack = GridloopStack.start(kafka.bootstrapServers(), mongo.connectionString(), ports, settings);
        dispatch = signedIn(ServiceNames.DISPATCH, ServiceIntegrationTest.TESTER);
        loop = new LoopDriver(signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER), dispatch);
        photo = photoOfTheRepair();
        // 赛罕区's grid outlines, imported as an administrator imports a GIS export (the local stack does the same).
        signedIn(ServiceNames.INTAKE, DevRealm.standard().user("admin").orElseThrow().identity()).post()
                .uri("/api/v1/admin/grid-registry").contentType(MediaType.parseMediaType("application/geo+json"))
                .body(DemoOutlines.geoJson()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.updated").isEqualTo(1000);
        // The unit directory learns 赛罕区's centres and departments from the registry intake publishes at start.
        await().atMost(PATIENCE).until(() -> dispatch.get().uri("/api/v1/units/{code}", "150105-WATER").exchange()
                .returnResult(String.class).getStatus().value() == 200
                && dispatch.get().uri("/api/v1/units/{code}", "150105001").exchange()
                .returnResult(String.class).getStatus().value() == 200);
        browser = HeadlessChromium.start(1400, 1000);
    }

    /** Counts the tiles browsers fetched from the stand-in tile server. */
    private final java.util.concurrent.atomic.AtomicInteger tilesServed = new java.util.concurrent.atomic.AtomicInteger();
    private com.sun.net.httpserver.HttpServer tiles;

    private com.sun.net.httpserver.HttpServer tileServer() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(228, 236, 218));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] tile = png.toByteArray();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            tilesServed.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, tile.length);
            exchange.getResponseBody().write(tile);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Whatever each step did, no page raised a script error on the way. */
    @org.junit.jupiter.api.AfterEach
    void noScriptErrors() {
        HeadlessChromium.assertNoUncaughtErrors(browser);
    }

    @AfterAll
    void stop() {
        if (tiles != null) {
            tiles.stop(0);
        }
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** The test's own calls, with a token that outlives the run (the browser's do not). */
    private RestTestClient signedIn(String service, Identity who) {
        Instant now = Instant.now();
        return ServiceIntegrationTest.bearer(stack.baseUrl(service), issuer.mint(who, now, now.plus(Duration.ofHours(1))));
    }

    /** A real JPEG, so the page can show it. */
    private static Path photoOfTheRepair() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(110, 70, 100, 100);
        g.dispose();
        Path file = Path.of("target", "workbench-repair.jpg").toAbsolutePath();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    private JsonNode caseView(String id) {
        return dispatch.get().uri("/api/v1/cases/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    // --- the browser ---

    private WebElement find(String css) {
        return await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector(css)), e -> e.isDisplayed());
    }

    /** A file chooser's input: hidden behind its button, so present rather than displayed. */
    private WebElement fileInput(String css) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector(css)),
                java.util.Objects::nonNull);
    }

    private void click(String css) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Signs in on the realm's login page the workbench sent the browser to. */
    private void signInAs(String username) {
        find("#username").sendKeys(username);
        find("#password").sendKeys("gridloop");
        click("#kc-login");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.id("person-name")).size() == 1);
    }

    private void signOut() {
        // From a page with nothing open over it.
        browser.get(workbench);
        click("#sign-out");
        find("#username");
    }

    private String text(String css) {
        return find(css).getText().strip();
    }

    private void awaitState(String label) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text("#case-state").equals(label));
    }

    /** Opens an action's form on the case page. */
    private void openAction(String action) {
        click("[data-action='" + action + "']");
        find(".action-dialog .comment textarea");
    }

    private void confirmAction() {
        click(".action-dialog .confirm");
    }

    /** The text of the last message the page showed (ElMessage). */
    private String lastMessage() {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            List<WebElement> messages = browser.findElements(By.cssSelector(".el-message .el-message__content"));
            return messages.getLast().getText();
        }, m -> !m.isBlank());
    }

    private void awaitDialogClosed() {
        // The dialog is removed while it is looked at: a stale element is a closing one.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(".action-dialog")).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    @Test
    @Order(1)
    void shouldLetTheCentreRouteACaseAUnitReturnedToAUnitOfTheDirectory() {
        // A street-light report routed to its street centre, which returns it (退单): it waits at the district's
        // triage desk for an operator.
        caseId = loop.report(SAIHAN_COMMUNITY, 1).getFirst();
        loop.awaitState(caseId, CaseState.ROUTED);
        signedIn(ServiceNames.DISPATCH, Identity.of("handler-renminxilu", List.of("HANDLER"), "150105001")
                .withUnit(caseView(caseId).get("handlingUnit").asString())).post()
                .uri("/api/v1/cases/{id}/actions/return", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\":\"供水管网问题，不属于街道职责\"}").exchange().expectStatus().isOk();
        caseNumber = caseView(caseId).get("caseNumber").asString();

        browser.get(workbench);
        signInAs(OPERATOR);
        firstTokenExpiry = tokenExpiry();
        // The centre lands on its first tab with work: 待分流, the returned case in it.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> find(".el-tabs__item.is-active [data-tab]")
                .getAttribute("data-tab").equals("TRIAGE"));
        find("a.case-number[data-case='" + caseId + "']");
        assertThat(text("a.case-number[data-case='" + caseId + "']")).isEqualTo(caseNumber);
        HeadlessChromium.screenshot(browser, "workbench-1-operator-triage");

        // Found by the words of its description (案件搜索)…
        browser.get(workbench + "#/search");
        find(".search-text input").sendKeys("路灯不亮\n");
        find(".case-table a.case-number[data-case='" + caseId + "']");
        HeadlessChromium.screenshot(browser, "workbench-1b-operator-search");
        // …and by its number, as a caller quotes it.
        browser.get(workbench + "#/work");
        find(".case-lookup input").sendKeys(caseNumber + "\n");
        awaitState("已退单");
        assertThat(text("#case-number")).isEqualTo(caseNumber);
        assertThat(browser.findElements(By.cssSelector("[data-action='close']"))).isEmpty();

        openAction("route");
        // A unit is required, and chosen from the directory — never typed.
        confirmAction();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.getPageSource().contains("请选择处置单位"));
        find(".action-dialog .unit-select input").sendKeys("水务");
        click(".el-select-dropdown__item[data-unit='150105-WATER']");
        HeadlessChromium.screenshot(browser, "workbench-2-operator-route");
        confirmAction();
        awaitDialogClosed();
        awaitState("已分流");
        assertThat(caseView(caseId).get("handlingUnit").asString()).isEqualTo("150105-WATER");
        // The deadline in working days too, as the service counts them on the holiday calendar.
        int left = caseView(caseId).get("workingDaysLeft").asInt();
        assertThat(text("#working-days-left")).isEqualTo("（" + (left > 0 ? "剩余" + left + "个工作日" : "今日到期") + "）");
        // Where it is: the community's grids drawn by their outlines from the registry, no map server needed.
        find(".case-map canvas");
        assertThat(Integer.parseInt(find(".case-map [data-outlined]").getDomAttribute("data-outlined"))).isPositive();
        // The installation's tiles under them, let through by the page's security policy.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> Integer.parseInt(find(".case-map [data-tiles]")
                .getDomAttribute("data-tiles")) > 0 && tilesServed.get() > 0);
        HeadlessChromium.screenshot(browser, "workbench-3-operator-routed");
    }

    @Test
    @Order(2)
    void shouldLetTheUnitClaimAcceptAndFeedBackWithAPhotoAndNoMore() {
        signOut();
        signInAs(WATER);
        // The unit's queue opens on 待签收, the routed case in it.
        find("a.case-number[data-case='" + caseId + "']");
        HeadlessChromium.screenshot(browser, "workbench-4-handler-queue");
        click("a.case-number[data-case='" + caseId + "']");
        awaitState("已分流");
        // A unit is offered its own steps only: never the centre's review, routing or invalidation.
        for (String centres : List.of("close", "rework", "route", "reassign", "invalidate", "approve-extension")) {
            assertThat(browser.findElements(By.cssSelector("[data-action='" + centres + "']"))).as(centres).isEmpty();
        }
        // 指派: to a person the unit registered, chosen from its list — never a typed name.
        dispatch.put().uri("/api/v1/admin/units/{code}/members", "150105-WATER").contentType(MediaType.APPLICATION_JSON)
                .body("{\"members\":[{\"username\":\"" + WATER + "\",\"name\":\"值班员\"},"
                        + "{\"username\":\"water-zhang\",\"name\":\"张建国\"}]}").exchange().expectStatus().isOk();
        click("[data-action='assign']");
        click(".action-dialog .assignee-select");
        click(".el-select-dropdown__item[data-member='water-zhang']");
        confirmAction();
        awaitDialogClosed();
        await().atMost(PATIENCE).until(() -> caseView(caseId).path("assignee").asString("").equals("water-zhang"));
        click("[data-action='claim']");
        await().atMost(PATIENCE).until(() -> caseView(caseId).path("assignee").asString("").equals(WATER));
        // Claimed: the button is gone.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("[data-action='claim']")).isEmpty());
        click("[data-action='accept']");
        awaitState("处理中");

        openAction("feedback");
        confirmAction();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.getPageSource().contains("请填写处理结果"));
        find(".action-dialog .comment textarea").sendKeys("已更换破损阀门，恢复供水");
        fileInput(".action-dialog .photo-upload input[type=file]")
                .sendKeys(photo.toString());
        find(".action-dialog .el-upload-list__item");
        HeadlessChromium.screenshot(browser, "workbench-5-handler-feedback");
        confirmAction();
        awaitDialogClosed();
        awaitState("已反馈待复核");
        JsonNode feedback = caseView(caseId).get("timeline").valueStream()
                .filter(l -> l.get("action").asString().equals("feedback")).findFirst().orElseThrow();
        assertThat(feedback.get("photoIds").size()).isEqualTo(1);
        // The photo shows on the case page, from dispatch's store.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(".photo-columns img")).size() >= 1);
        HeadlessChromium.screenshot(browser, "workbench-6-handler-fed-back");
    }

    @Test
    @Order(3)
    void shouldLetTheCentreSendItBackForReworkWithAReasonAndCloseItAfterTheSecondFeedback() {
        signOut();
        // A link to the case survives the sign-in.
        browser.get(workbench + "#/cases/" + caseId);
        signInAs(OPERATOR);
        awaitState("已反馈待复核");
        openAction("rework");
        confirmAction();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.getPageSource().contains("请说明原因"));
        find(".action-dialog .comment textarea").sendKeys("现场仍有积水，请清理后重新反馈");
        confirmAction();
        awaitDialogClosed();
        awaitState(caseView(caseId).get("stateLabel").asString());
        assertThat(caseView(caseId).get("reworkCount").asInt()).isEqualTo(1);
        HeadlessChromium.screenshot(browser, "workbench-7-operator-rework");

        signOut();
        browser.get(workbench + "#/cases/" + caseId);
        signInAs(WATER);
        openAction("feedback");
        find(".action-dialog .comment textarea").sendKeys("积水已清理");
        confirmAction();
        awaitDialogClosed();
        awaitState("已反馈待复核");

        signOut();
        browser.get(workbench + "#/cases/" + caseId);
        signInAs(OPERATOR);
        openAction("close");
        confirmAction();
        awaitDialogClosed();
        awaitState("已结案");
        assertThat(browser.findElements(By.cssSelector(".timeline .el-timeline-item"))).hasSizeGreaterThanOrEqualTo(8);
        HeadlessChromium.screenshot(browser, "workbench-8-operator-closed");
        // …and it is among 已办结.
        browser.get(workbench + "#/work");
        click("[data-tab='CLOSED']");
        find(".case-table a.case-number[data-case='" + caseId + "']");
        // The dashboard counts the closure: 赛罕区's streets, their total as statistics has it, at least this case.
        browser.get(workbench + "#/dashboard");
        RestTestClient stats = signedIn(ServiceNames.STATS, ServiceIntegrationTest.TESTER);
        String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue());
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            long closed = stats.get().uri("/api/v1/stats/completion?level=street&parent=150105&period={y}", year)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("total").get("counts").get("closed").asLong();
            assertThat(closed).isPositive();
            assertThat(text("#areas tr[data-area='total'] td[data-measure='closed']")).isEqualTo(String.valueOf(closed));
        });
        HeadlessChromium.screenshot(browser, "workbench-8b-operator-dashboard");
    }

    @Test
    @Order(4)
    void shouldShowARefusalInChineseAndNeverAnotherDistrictsCase() {
        // Closed: nothing more to do. A second browser tab acting on the same case meanwhile is refused.
        String other = loop.report(SAIHAN_COMMUNITY, 1).getFirst();
        loop.awaitState(other, CaseState.ROUTED);
        browser.get(workbench + "#/cases/" + other);
        awaitState("已分流");
        openAction("invalidate");
        find(".action-dialog .comment textarea").sendKeys("重复上报");
        // The case moves on before the operator confirms: the service refuses, the page says why in Chinese.
        loop.runToClosed(other);
        confirmAction();
        assertThat(lastMessage()).containsPattern("[\\u4e00-\\u9fa5]").doesNotContain("Exception");
        HeadlessChromium.screenshot(browser, "workbench-9-refused");
        click(".action-dialog .el-dialog__headerbtn");

        // The same broken lamp reported twice at the same spot: the second case names the first, and one click
        // opens 并单 with it chosen.
        String lamp = reportAtGridCentre("150105001001003", "3号楼东侧路灯不亮");
        loop.awaitState(lamp, CaseState.ROUTED);
        String again = reportAtGridCentre("150105001001003", "东侧路灯坏了");
        loop.awaitState(again, CaseState.ROUTED);
        assertThat(caseView(again).get("likelyDuplicateOf").asString()).isEqualTo(lamp);
        assertThat(caseView(again).get("timeline").get(0).get("comment").asString())
                .contains(caseView(lamp).get("caseNumber").asString());
        browser.get(workbench + "#/cases/" + again);
        awaitState("已分流");
        assertThat(text(".duplicate")).contains(caseView(lamp).get("caseNumber").asString());
        click(".merge-duplicate");
        find(".action-dialog .comment textarea").sendKeys("同一路灯重复上报");
        HeadlessChromium.screenshot(browser, "workbench-9b-merge-duplicate");
        confirmAction();
        awaitDialogClosed();
        awaitState("已并单");
        assertThat(caseView(again).get("mergedInto").asString()).isEqualTo(lamp);

        // A 新城区 case exists; 赛罕区's operator finds it neither in a list nor by number.
        String xincheng = loop.report(XINCHENG_COMMUNITY, 1).getFirst();
        loop.awaitState(xincheng, CaseState.ROUTED);
        String number = caseView(xincheng).get("caseNumber").asString();
        browser.get(workbench + "#/work");
        click("[data-tab='OPEN']");
        find(".case-table");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(".case-table a.case-number"))
                .stream().noneMatch(a -> number.equals(a.getText().strip())));
        find(".case-lookup input").sendKeys(number + "\n");
        // Not a case of theirs: the search the number turns into finds nothing…
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("#/search"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".case-table .el-table__empty-text").equals("暂无案件"));
        // …and the words of its description find 赛罕区's own street-light cases, never 新城区's.
        find(".search-text input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "路灯不亮\n");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !browser.findElements(By.cssSelector(
                ".case-table a.case-number[data-case='" + other + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".case-table a.case-number")))
                .extracting(a -> a.getText().strip()).doesNotContain(number);
    }

    @Test
    @Order(5)
    void shouldKeepTheSessionWorkingPastItsFirstTokensLifetime() {
        await().atMost(TOKEN_LIFETIME.plusSeconds(30)).until(() -> Instant.now().isAfter(firstTokenExpiry.plusSeconds(2)));
        browser.get(workbench + "#/cases/" + caseId);
        awaitState("已结案");
        assertThat(browser.findElements(By.id("username"))).as("no second sign-in").isEmpty();
        assertThat(tokenExpiry()).isAfter(firstTokenExpiry);
    }

    @Test
    @Order(6)
    void shouldLetAGridWorkerReportFromTheirPhoneAndSeeTheResultAndSayItIsNotFixed() {
        signOut();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // The phone stands in its second grid: the form chooses that grid by the position.
        JsonNode centre = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/areas/{grid}", GRID_WORKERS_SECOND_GRID).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("centroid");
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude",
                centre.get("latitude").asDouble(), "longitude", centre.get("longitude").asDouble(), "accuracy", 20));
        browser.get(workbench);
        signInAs(GRID_WORKER);
        find("#position");
        String secondGridName = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/areas/{grid}", GRID_WORKERS_SECOND_GRID).exchange().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("name").asString();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".report-form .grid").contains(secondGridName));
        find(".report-form .matter input").sendKeys("路灯");
        click(".el-cascader__suggestion-item");
        find(".report-form .description textarea").sendKeys("3号楼前路灯不亮，夜间行人看不清路");
        fileInput(".report-form .photo-upload input[type=file]").sendKeys(photo.toString());
        find(".report-form .el-upload-list__item");
        HeadlessChromium.screenshot(browser, "workbench-10-grid-worker-report");
        click(".report-form .submit");
        String eventId = find(".my-reports .report").getAttribute("data-report");
        loop.awaitState(eventId, CaseState.ROUTED);
        JsonNode reported = caseView(eventId);
        assertThat(reported.get("gridCode").asString()).isEqualTo(GRID_WORKERS_SECOND_GRID);
        assertThat(reported.get("subCategory").asString()).isEqualTo("STREETLIGHT");
        assertThat(reported.get("timeline").get(0).get("photoIds").size()).isEqualTo(1);
        HeadlessChromium.screenshot(browser, "workbench-11-grid-worker-mine");

        // The unit repairs it and the centre closes it; the worker sees the result and its photo on the phone.
        String photoId = uploadedToDispatch();
        for (String action : List.of("accept", "feedback", "close")) {
            dispatch.post().uri("/api/v1/cases/{id}/actions/{a}", eventId, action)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("feedback".equals(action) ? "{\"comment\":\"已更换灯泡\",\"photoIds\":[\"" + photoId + "\"]}"
                            : "{\"comment\":\"已处理\"}").exchange().expectStatus().isOk();
        }
        String card = ".my-reports .report[data-report='" + eventId + "']";
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return find(card + " .status").getText().equals("已办结");
        });
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(card + " .after img")).size() == 1);
        assertThat(text(card + " .result")).contains("已更换灯泡");
        HeadlessChromium.screenshot(browser, "workbench-12-grid-worker-closed");

        click(card + " .not-fixed");
        find(".el-message-box textarea").sendKeys("晚上路灯还是不亮");
        click(".el-message-box .el-button--primary");
        // The case goes back to be handled again.
        await().atMost(PATIENCE).until(() -> !caseView(eventId).get("state").asString().equals("CLOSED"));
    }

    @Test
    @Order(7)
    void shouldLetAGridWorkerRecordAPatrolThatSurvivesAReloadOfThePhone() {
        // Still on the phone in the worker's second grid (the position of the test before).
        browser.get(workbench + "#/patrol");
        String secondGridName = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/areas/{grid}", GRID_WORKERS_SECOND_GRID).exchange().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("name").asString();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".patrol-form .grid").contains(secondGridName));
        click(".patrol-form .kinds [data-kind='HOUSEHOLD_VISIT']");
        click(".patrol-form .start");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".under-way").matches("(?s).*轨迹[1-9]\\d*个点.*"));
        assertThat(text(".under-way")).contains("入户走访", secondGridName);
        // A reload (or the browser killed in the background) loses nothing of the patrol under way.
        browser.navigate().refresh();
        assertThat(text(".under-way")).contains("入户走访");
        find(".patrol-form .notes textarea").sendKeys("走访独居老人王大爷，身体安好，已留联系电话");
        HeadlessChromium.screenshot(browser, "workbench-12b-grid-worker-patrol");
        click(".patrol-form .finish");

        String patrolId = find(".my-patrols .patrol").getAttribute("data-patrol");
        JsonNode saved = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/patrols/{id}", patrolId).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(saved.get("kind").asString()).isEqualTo("HOUSEHOLD_VISIT");
        assertThat(saved.get("gridCode").asString()).isEqualTo(GRID_WORKERS_SECOND_GRID);
        assertThat(saved.get("workerId").asString()).isEqualTo(GRID_WORKER);
        assertThat(saved.get("notes").asString()).contains("王大爷");
        assertThat(saved.get("track").size()).isGreaterThanOrEqualTo(1);
        assertThat(browser.findElements(By.cssSelector(".under-way"))).isEmpty();
        assertThat(text(".my-patrols")).contains("入户走访", "王大爷");
        HeadlessChromium.screenshot(browser, "workbench-12c-grid-worker-patrols");
    }

    @Test
    @Order(8)
    void shouldGiveTheGridWorkerTheirGridsOwnCases() {
        String dispute = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).post().uri("/api/v1/events")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"clientEventId":"%s","source":"GRID_PATROL","category":"DISPUTE",
                         "subCategory":"NEIGHBOUR_DISPUTE","gridCode":"%s","description":"楼上楼下漏水纠纷",
                         "occurredAt":"2026-12-01T01:20:00Z","reporterId":"gw-saihan-01"}"""
                        .formatted(java.util.UUID.randomUUID(), GRID_WORKERS_SECOND_GRID)).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("eventId").asString();
        loop.awaitState(dispute, CaseState.ROUTED);
        browser.get(workbench + "#/grid-tasks");
        click(".unit-choice");
        click(".el-select-dropdown__item[data-grid='" + GRID_WORKERS_SECOND_GRID + "']");
        find("a.case-number[data-case='" + dispute + "']");
        // On the phone each case is a card, and nothing runs off the side of the screen.
        assertThat(browser.findElements(By.cssSelector(".case-cards .case-card"))).isNotEmpty();
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth;")).longValue()).isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(browser, "workbench-13-grid-tasks");
        click("a.case-number[data-case='" + dispute + "']");
        awaitState("已分流");
        click("[data-action='accept']");
        awaitState("处理中");
        assertThat(browser.findElements(By.cssSelector("[data-action='close']"))).isEmpty();
        openAction("feedback");
        find(".action-dialog .comment textarea").sendKeys("已上门调解，双方达成一致，楼上已修好水管");
        confirmAction();
        awaitDialogClosed();
        awaitState("已反馈待复核");

        // The community's centre reviews and closes what its grid solved (小事不出网格).
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        signOut();
        signInAs(COMMUNITY_CENTRE);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> find(".el-tabs__item.is-active [data-tab]")
                .getAttribute("data-tab").equals("REVIEW"));
        click("a.case-number[data-case='" + dispute + "']");
        awaitState("已反馈待复核");
        openAction("close");
        find(".action-dialog .comment textarea").sendKeys("回访当事人满意，结案");
        confirmAction();
        awaitDialogClosed();
        awaitState("已结案");
        HeadlessChromium.screenshot(browser, "workbench-13b-community-closed");
        JsonNode closed = caseView(dispute);
        assertThat(closed.get("timeline").get(closed.get("timeline").size() - 1).get("actor").asString())
                .isEqualTo(COMMUNITY_CENTRE);
    }

    @Test
    @Order(9)
    void shouldLetAnAdministratorImportTheRegistryAndSeeEachProblemByLine() throws IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        signOut();
        signInAs("admin");
        browser.get(workbench + "#/admin/units");
        find(".unit-directory .search input").sendKeys("赛罕区水务");
        find(".units [data-staff='150105-WATER']");
        browser.get(workbench + "#/admin/grid-registry");
        Path bad = Files.writeString(Path.of("target", "registry-bad.csv").toAbsolutePath(),
                "code,name,status,latitude,longitude\n150105001001098,新增网格甲,ACTIVE,40.75,111.71\n15010500100X,坏编码,ACTIVE,,\n");
        fileInput(".registry-upload input[type=file]").sendKeys(bad.toString());
        find(".problems");
        assertThat(text(".problems")).contains("3");
        assertThat(text(".refusal")).contains("未导入");
        HeadlessChromium.screenshot(browser, "workbench-14-admin-registry-refused");

        Path good = Files.writeString(Path.of("target", "registry-good.csv").toAbsolutePath(),
                "code,name,status,latitude,longitude\n150105001001098,新增网格甲,ACTIVE,40.75,111.71\n");
        fileInput(".registry-upload input[type=file]").sendKeys(good.toString());
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".result").contains("新增 1"));
        signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get().uri("/api/v1/areas/150105001001098")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("新增网格甲");
    }

    @Test
    @Order(10)
    void shouldLetAnAdministratorReadTheRulesAndRefuseABrokenVersionInChinese() {
        browser.get(workbench + "#/admin/routing-rules");
        // The rules as a form, a row per rule: a broken id is refused, its row marked, the place named in words.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(
                ".rule-table .rule-id input")).size() > 3);
        find(".rule-table .rule-id input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "坏 编号");
        click(".save-rules");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !text(".refusal").isBlank());
        find(".rule-table tr.has-problem");
        assertThat(text(".problems")).contains("第1条（坏 编号） · 编号");
        HeadlessChromium.screenshot(browser, "workbench-15-admin-rules-form-refused");
        // As JSON for those who prefer it, the edits carried across.
        click(".mode-json");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> find(".rules-json textarea").getDomProperty("value")
                .contains("坏 编号"));
        WebElement editor = find(".rules-json textarea");
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        editor.sendKeys("[{\"id\": \"broken\"}]");
        click(".save-rules");
        // Valid JSON, but not a rule the service takes: its refusal, in Chinese, and nothing saved.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !text(".refusal").isBlank());
        assertThat(text(".refusal")).containsPattern("[\\u4e00-\\u9fa5]").doesNotContain("JSON");
        dispatch.get().uri("/api/v1/admin/routing-rules").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(1);
        HeadlessChromium.screenshot(browser, "workbench-16-admin-rules-json-refused");
    }

    @Test
    @Order(11)
    void shouldShowTheAdministratorTheHolidayCalendarDeadlinesAreCountedOn() {
        browser.get(workbench + "#/admin/calendar");
        click("[data-year='2026'] .el-collapse-item__header");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text("[data-year='2026'] .holidays").contains("国庆节"));
        assertThat(text("[data-year='2026'] .working-days")).contains("调休");

        // The year as a form: a holiday without a name is refused in Chinese; the year saved as it was, unchanged.
        String before = dispatch.get().uri("/api/v1/admin/calendars/2026").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        click("[data-year='2026'] .edit-year");
        WebElement firstName = find(".calendar-form .holiday .name input");
        String name = firstName.getDomProperty("value");
        firstName.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        click(".el-dialog .confirm");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !text(".el-dialog .refusal").isBlank());
        assertThat(text(".el-dialog .refusal")).containsPattern("[\\u4e00-\\u9fa5]");
        HeadlessChromium.screenshot(browser, "workbench-17-admin-calendar-form");
        find(".calendar-form .holiday .name input").sendKeys(name);
        click(".el-dialog .confirm");
        assertThat(lastMessage()).contains("2026 年节假日安排已保存");
        JsonNode after = dispatch.get().uri("/api/v1/admin/calendars/2026").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode was = JsonMapper.builder().build().readTree(before);
        assertThat(after.get("holidays")).isEqualTo(was.get("holidays"));
        assertThat(after.get("workingDays")).isEqualTo(was.get("workingDays"));
    }

    @Test
    @Order(12)
    void shouldLetTheAdministratorSetTheScoringRulesAndRefuseOverlappingGradesInWords() {
        browser.get(workbench + "#/admin/assessment-rules");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".assessment-rules .current").contains("版"));
        int version = Integer.parseInt(text(".assessment-rules .current").replaceAll("(?s).*第 (\\d+) 版.*", "$1"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(
                By.cssSelector(".measure-rules .el-table__row")).size() > 1);

        // 优秀 below 合格: refused, the field named in words, nothing saved.
        find(".excellent-at input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "65", Keys.TAB);
        click(".save-rules");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !text(".refusal").isBlank());
        assertThat(text(".refusal")).contains("优秀分数线", "优秀分数线须高于合格分数线");
        HeadlessChromium.screenshot(browser, "workbench-18-admin-scoring-refused");

        find(".excellent-at input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "92", Keys.TAB);
        click(".save-rules");
        assertThat(lastMessage()).contains("已保存为第 " + (version + 1) + " 版");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".assessment-rules .current")
                .contains("第 " + (version + 1) + " 版"));
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode inForce = signedIn(ServiceNames.STATS, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/assessment/rules/in-force?areaCode={g}&month={m}", GRID_WORKERS_SECOND_GRID, month)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(inForce.get("version").asInt()).isEqualTo(version + 1);
        assertThat(inForce.get("rules").get("excellentAt").asInt()).isEqualTo(92);
        HeadlessChromium.screenshot(browser, "workbench-19-admin-scoring-saved");
    }

    @Test
    @Order(13)
    void shouldLetTheAdministratorPutTheGridWorkerOnTheRosterWithTheirGrids() {
        browser.get(workbench + "#/admin/grid-workers");
        click(".roster .add-worker");
        find(".worker-id input").sendKeys(GRID_WORKER);
        find(".worker-name input").sendKeys("王小梅");
        // A community is not a grid: the page asks for the grid itself before the service is asked anything.
        pickArea(".add-grid", List.of("150105", "150105001", SAIHAN_COMMUNITY));
        click(".add-grid-button");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".refusal").contains("请选到网格一级"));
        for (String grid : List.of("150105001001001", GRID_WORKERS_SECOND_GRID)) {
            pickArea(".add-grid", List.of("150105", "150105001", SAIHAN_COMMUNITY, grid));
            click(".add-grid-button");
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(".grid-tag"))
                .size() == 2);
        HeadlessChromium.screenshot(browser, "workbench-20-admin-roster-form");
        click(".save-worker");
        assertThat(lastMessage()).contains("已保存 王小梅");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".roster-table").contains(GRID_WORKER));
        assertThat(text(".roster-table")).contains("王小梅", "150105001001001、" + GRID_WORKERS_SECOND_GRID);
        HeadlessChromium.screenshot(browser, "workbench-21-admin-roster");
    }

    @Test
    @Order(14)
    void shouldLetTheSupervisorDrillDownToTheGridWorkerAndReadTheirMonthMeasureByMeasure() {
        signOut();
        signInAs("supervisor-saihan");
        // Landed on the first page (the dashboard) before going on, as a person would.
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("#/dashboard"));
        browser.get(workbench + "#/assessment");
        // This month, not the last: the grid worker reported and patrolled today.
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        find(".assessment .month input").sendKeys(Keys.chord(Keys.CONTROL, "a"), month, Keys.ENTER);
        for (String area : List.of("150105001", SAIHAN_COMMUNITY, GRID_WORKERS_SECOND_GRID)) {
            if (area.equals(GRID_WORKERS_SECOND_GRID)) {
                // The community's grids graded for the quarter, the worker's grids among them with a score.
                await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".quarter-table")
                        .contains(areaName(GRID_WORKERS_SECOND_GRID)));
                assertThat(text(".quarter")).contains("优秀名额");
            }
            click(".summary-table [data-drill='" + area + "']");
            await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".trail").contains(areaName(area)));
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".worker-table").contains("王小梅"));
        HeadlessChromium.screenshot(browser, "workbench-22-supervisor-assessment");
        click(".worker-table [data-worker='" + GRID_WORKER + "']");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".measure-table").contains("入户走访"));
        // The month as statistics hold it: the drawer shows the API's counts.
        JsonNode scored = signedIn(ServiceNames.STATS, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/stats/grid-workers?areaCode={g}&month={m}", GRID_WORKERS_SECOND_GRID, month).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("workers")
                .get(0);
        assertThat(scored.at("/measures/HOUSEHOLD_VISITS").asLong()).isEqualTo(1);
        assertThat(scored.at("/measures/VALID_REPORTS").asLong()).isGreaterThanOrEqualTo(1);
        String row = browser.findElements(By.cssSelector(".measure-table .el-table__row")).stream()
                .map(WebElement::getText).filter(r -> r.startsWith("入户走访")).findFirst().orElseThrow();
        assertThat(row.replaceAll("\\s+", " ")).startsWith("入户走访 1");
        assertThat(text(".scored").replaceAll("\\s+", " "))
                .contains("得分 " + scored.at("/score/total").decimalValue().toPlainString());
        HeadlessChromium.screenshot(browser, "workbench-23-supervisor-worker-month");
    }

    @Test
    @Order(15)
    void shouldShowTheGridWorkerTheirOwnMonthAsTheSupervisorSeesIt() {
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode scored = signedIn(ServiceNames.STATS, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/stats/grid-workers?areaCode={g}&month={m}", GRID_WORKERS_SECOND_GRID, month).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("workers")
                .get(0);
        signOut();
        signInAs(GRID_WORKER);
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("#/report"));
        browser.get(workbench + "#/my-assessment");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(".my-assessment .scored").replaceAll("\\s+", " ")
                .contains("得分 " + scored.at("/score/total").decimalValue().toPlainString()));
        assertThat(text(".my-assessment .measure-table")).contains("入户走访", "有效上报");
        HeadlessChromium.screenshot(browser, "workbench-24-grid-worker-assessment");
    }

    /** Last, since it recounts everything: the administrator follows a statistics rebuild until it is done. */
    @Test
    @Order(16)
    void shouldLetTheAdministratorFollowAStatisticsRebuildToTheEnd() {
        signOut();
        signInAs("admin");
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("#/admin/"));
        browser.get(workbench + "#/admin/stats-rebuild");
        click(".stats-rebuild .el-button--primary");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.findElement(By.xpath("//div[contains(@class,'el-popconfirm')]//button[contains(.,'发起重算')]"))
                    .click();
            return true;
        });
        assertThat(lastMessage()).contains("已发起统计重算");
        // The page follows the recount by itself, records counted of all there are, until it is done.
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> text(".stats-rebuild .last").contains("已完成"));
        String last = text(".stats-rebuild .last").replaceAll("\\s+", " ");
        assertThat(last).contains("100%", "admin");
        assertThat(last).containsPattern("已统计 ([\\d,]+) / \\1 条流转记录");
        HeadlessChromium.screenshot(browser, "workbench-25-admin-stats-rebuild");
    }

    private String areaName(String code) {
        return signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get().uri("/api/v1/areas/{c}", code)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("name").asString();
    }

    /** Chooses an area in the area picker inside {@code css}: each level's node by its registry name, in turn. */
    private void pickArea(String css, List<String> path) {
        click(css + " .el-cascader");
        for (int level = 0; level < path.size(); level++) {
            String name = areaName(path.get(level));
            int menu = level;
            boolean last = level == path.size() - 1;
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                WebElement node = openMenus().get(menu).findElements(By.cssSelector(".el-cascader-node")).stream()
                        .filter(n -> n.getText().strip().equals(name)).findFirst().orElseThrow();
                // Above a grid a label opens the level beneath; the last level is chosen by its radio (a grid, which
                // has nothing beneath, by its label too).
                List<WebElement> radio = node.findElements(By.cssSelector(".el-radio"));
                (last && !radio.isEmpty() ? radio.getFirst() : node.findElement(By.cssSelector(
                        ".el-cascader-node__label"))).click();
                return true;
            });
        }
        browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    }

    /** The menus of the area picker open now (every picker on the page keeps a hidden panel of its own). */
    private List<WebElement> openMenus() {
        return browser.findElements(By.cssSelector(".el-cascader__dropdown")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow().findElements(By.cssSelector(".el-cascader-menu"));
    }

    /** A street-light report at the centre of {@code grid}, as a grid worker's phone sends it. */
    private String reportAtGridCentre(String grid, String description) {
        JsonNode centre = signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).get()
                .uri("/api/v1/areas/{grid}", grid).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("centroid");
        return signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER).post().uri("/api/v1/events")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"clientEventId":"%s","source":"GRID_PATROL","category":"LIVELIHOOD","subCategory":"STREETLIGHT",
                         "gridCode":"%s","description":"%s","occurredAt":"2026-12-01T01:20:00Z","reporterId":"gw-e2e",
                         "location":{"latitude":%s,"longitude":%s}}""".formatted(java.util.UUID.randomUUID(), grid,
                        description, centre.get("latitude").asDouble(), centre.get("longitude").asDouble()))
                .exchange().expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("eventId").asString();
    }

    /** A real photo in dispatch's store, as a handler's phone uploads it. */
    private String uploadedToDispatch() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("photos", new org.springframework.core.io.FileSystemResource(photo));
        return dispatch.post().uri("/api/v1/photos").contentType(MediaType.MULTIPART_FORM_DATA).body(form).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get(0)
                .get("id").asString();
    }

    private Instant tokenExpiry() {
        String token = (String) ((JavascriptExecutor) browser).executeScript("""
                for (let i = 0; i < sessionStorage.length; i++) {
                  const key = sessionStorage.key(i);
                  if (key.startsWith('oidc.user:')) { return JSON.parse(sessionStorage.getItem(key)).access_token; }
                }
                return null;""");
        assertThat(token).as("the session's access token in sessionStorage").isNotNull();
        JsonNode claims = JsonMapper.builder().build().readTree(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]));
        return Instant.ofEpochSecond(claims.get("exp").asLong());
    }
}
