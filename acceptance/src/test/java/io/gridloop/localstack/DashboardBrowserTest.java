package io.gridloop.localstack;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.event.CaseTransitioned;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.event.ReportSource;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisors' dashboard — the workbench's 办结率看板 — in a real headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}, which {@code deploy/test.sh} installs), against the whole stack, signed in through
 * the realm's login page like every page of the workbench: what the page shows must be what the statistics API
 * says, drill-down must follow the areas, and new reports must appear without a reload. A screenshot of each view
 * is left in {@code target/dashboard-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    // Districts the closed-loop scenario (same JVM, same databases) does not count in.
    private static final String HUIMIN = "150103";
    private static final String HELINGE = "150123";
    private static final String HELINGE_VILLAGE = "150123100002";
    private static final Duration PATIENCE = LoopDriver.PATIENCE;

    private GridloopStack stack;
    private ChromeDriver browser;
    private RestTestClient stats;
    private LoopDriver loop;
    private String dashboard;
    private final String year = String.valueOf(Year.now(ZoneId.of("Asia/Shanghai")).getValue());

    @BeforeAll
    void start() throws IOException {
        ServicePorts ports = ServicePorts.free();
        dashboard = "http://localhost:" + ports.metrics();
        Map<String, Object> settings = new LinkedHashMap<>(EmbeddedInfra.shared().springProperties());
        settings.put("gridloop.stats.snapshot-interval", "200ms");
        settings.put("gridloop.dashboard.push-interval", "300ms");
        stack = GridloopStack.start(EmbeddedInfra.shared().bootstrapServers(), EmbeddedInfra.shared().mongoUri(),
                ports, settings);
        stats = signedIn(ServiceNames.STATS, ServiceIntegrationTest.TESTER);
        loop = new LoopDriver(signedIn(ServiceNames.INTAKE, ServiceIntegrationTest.TESTER),
                signedIn(ServiceNames.DISPATCH, ServiceIntegrationTest.TESTER));

        List<String> huimin = loop.report(HUIMIN + "001002", 6);
        List<String> helinge = loop.report(HELINGE_VILLAGE, 3);
        for (String id : huimin.subList(0, 4)) {
            loop.awaitState(id, CaseState.ROUTED);
            loop.runToClosed(id);
        }
        loop.awaitState(helinge.getFirst(), CaseState.ROUTED);
        loop.runToClosed(helinge.getFirst());
        publishOverdue(HELINGE);
        await().atMost(PATIENCE).until(() ->
                ConsumerLag.of(EmbeddedInfra.shared().bootstrapServers(), ServiceNames.STATS,
                        Topics.CASE_TRANSITIONED.name()) == 0);

        browser = HeadlessChromium.start(1400, 2000);
    }

    /** Whatever each step did, no page raised a script error on the way. */
    @org.junit.jupiter.api.AfterEach
    void noScriptErrors() {
        HeadlessChromium.assertNoUncaughtErrors(browser);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** The number the overdue case carries, as people quote it. */
    private static final String OVERDUE_NUMBER = "2026120115012300042";

    /** An overdue declaration, as dispatch's deadline watch publishes it, for a case reported days ago. */
    private static void publishOverdue(String district) {
        String caseId = "overdue-" + UUID.randomUUID();
        Instant due = Instant.now().minus(Duration.ofHours(50)).truncatedTo(ChronoUnit.MILLIS);
        Instant reported = due.minus(Duration.ofDays(3));
        EventCodec codec = new EventCodec();
        for (int seq = 1; seq <= 2; seq++) {
            boolean first = seq == 1;
            CaseTransitioned t = new CaseTransitioned(caseId, seq, first ? CaseAction.REPORT : CaseAction.OVERDUE,
                    first ? null : CaseState.REPORTED, CaseState.REPORTED, district, "和林格尔县",
                    HELINGE_VILLAGE + "001", EventCategory.HAZARD, ReportSource.GRID_PATROL, reported, due,
                    first ? reported : due.plusSeconds(60), "system", district + "001", AreaLevel.STREET, 0, null, null, null,
                    null, "MANHOLE", HELINGE_VILLAGE, null, HELINGE_VILLAGE.substring(0, 9), null, "SYSTEM", null,
                    "和林格尔县网格化服务管理中心", reported.plus(Duration.ofDays(1)), null, null, null, null, List.of(),
                    OVERDUE_NUMBER);
            TopicWriter.send(EmbeddedInfra.shared().bootstrapServers(), Topics.CASE_TRANSITIONED.name(), caseId,
                    codec.encode(EventEnvelope.of(Topics.CASE_TRANSITIONED, caseId + "-" + seq,
                            ServiceNames.DISPATCH, t.occurredAt(), caseId, t)));
        }
    }

    private RestTestClient signedIn(String service, Identity who) {
        return ServiceIntegrationTest.bearer(stack.baseUrl(service), EmbeddedInfra.shared().tokens().mint(who));
    }

    private JsonNode api(String path) {
        return api(stats, path);
    }

    private static JsonNode api(RestTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    /** The dashboard, signed in as the city's supervisor (a demo user of the realm). */
    private void open() {
        signInAs(CITY_SUPERVISOR, PASSWORD);
        awaitView("district::" + year);
    }

    private static final String CITY_SUPERVISOR = "supervisor";
    private static final String PASSWORD = "gridloop";

    /**
     * The service's root as a bookmark has it, nobody signed in in this tab: it leads to the realm's login page,
     * filled in and sent; the dashboard follows.
     */
    private void signInAs(String username, String password) {
        browser.get(dashboard + "/workbench/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); document.body.removeAttribute('data-view');");
        browser.get(dashboard + "/");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** Whether the browser holds a signed-in session of the workbench (oidc-client-ts keeps it in sessionStorage). */
    private boolean holdsASession() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return Object.keys(sessionStorage).some(k => k.startsWith('oidc.user:'));");
    }

    private void awaitView(String view) {
        await().atMost(PATIENCE).until(() -> view.equals(browser.findElement(By.tagName("body")).getDomAttribute(
                "data-view")));
    }

    private static String percent(JsonNode rate) {
        return rate == null || rate.isNull() ? "—" : String.format(Locale.ROOT, "%.1f%%", rate.asDouble() * 100);
    }

    private static final List<String> FIGURES =
            List.of("reported", "closed", "completionRate", "onTimeCompletionRate", "overdueNow");

    /**
     * Every row of the table as shown — area code → name and the five figures as text — read in one script, so
     * the page cannot redraw half-way through the reading.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> tableOnScreen() {
        return (Map<String, Map<String, String>>) ((JavascriptExecutor) browser).executeScript("""
                const out = {};
                for (const tr of document.querySelectorAll('#areas tr[data-area]')) {
                  const row = {name: tr.querySelector('td').textContent};
                  for (const m of arguments[0]) {
                    row[m] = tr.querySelector('td[data-measure="' + m + '"]').textContent;
                  }
                  out[tr.dataset.area] = row;
                }
                return out;""", FIGURES);
    }

    private static Map<String, String> expected(String name, JsonNode figures) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("reported", figures.get("counts").get("reported").asString());
        out.put("closed", figures.get("counts").get("closed").asString());
        out.put("completionRate", percent(figures.get("rates").get("completionRate")));
        out.put("onTimeCompletionRate", percent(figures.get("rates").get("onTimeCompletionRate")));
        out.put("overdueNow", figures.get("counts").get("overdueNow").asString());
        return out;
    }

    /** Every row on screen against the API's answer for the same question, the total row too. */
    private void assertTableMatches(String query) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode table = api("/api/v1/stats/completion?" + query);
            Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
            for (JsonNode row : table.get("rows")) {
                wanted.put(row.get("areaCode").asString(), expected(row.get("areaName").asString(), row));
            }
            wanted.put("total", expected("合计", table.get("total")));
            assertThat(tableOnScreen()).isEqualTo(wanted);
        });
    }

    /** Clicks what {@code css} finds; a redraw between finding and clicking is tried again. */
    private void click(String css) {
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            browser.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, "dashboard-" + name);
    }

    @Test
    void shouldShowTheDistrictsAsTheStatisticsApiCountsThem() throws IOException {
        open();

        assertTableMatches("level=district&period=" + year);
        JsonNode total = api("/api/v1/stats/completion?level=district&period=" + year).get("total");
        assertThat(browser.findElement(By.cssSelector("[data-kpi='reported']")).getText())
                .isEqualTo(total.get("counts").get("reported").asString());
        assertThat(browser.findElement(By.cssSelector("[data-kpi='completionRate']")).getText())
                .isEqualTo(percent(total.get("rates").get("completionRate")));
        assertThat(tableOnScreen().get(HUIMIN).get("name")).isEqualTo("回民区");
        assertThat(browser.findElements(By.cssSelector("#bars canvas"))).as("the 办结率 bars are drawn").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#trend canvas"))).as("the trend is drawn").isNotEmpty();
        assertThat(browser.findElements(By.id("error"))).isEmpty();
        screenshot("districts");
    }

    /** A district's own supervisor lands on their streets: a one-row table of the district helps nobody. */
    @Test
    void shouldShowADistrictSupervisorTheirDistrictOnly() throws IOException {
        signInAs("supervisor-saihan", PASSWORD);
        awaitView("street:150105:" + year);

        Identity saihan = EmbeddedInfra.shared().tokens().realm().user("supervisor-saihan").orElseThrow().identity();
        JsonNode asSaihan = api(signedIn(ServiceNames.STATS, saihan), "/api/v1/stats/completion?level=district&period="
                + year);
        assertThat(asSaihan.get("rows").valueStream().map(r -> r.get("areaCode").asString()).toList())
                .containsExactly("150105");
        JsonNode streets = api(signedIn(ServiceNames.STATS, saihan), "/api/v1/stats/completion?level=street"
                + "&parent=150105&period=" + year);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tableOnScreen().keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(streets.get("rows").valueStream().map(r -> r.get("areaCode").asString()),
                        java.util.stream.Stream.of("total")).toList()));
        // The trail is drawn again as the figures arrive: read it once it has settled.
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("level-header")).getText()).isEqualTo("街道（乡镇）");
            assertThat(browser.findElement(By.cssSelector("#trail .here")).getText()).isEqualTo("赛罕区");
            assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("赛罕区督查考核");
        });
        screenshot("district-supervisor");
    }

    @Test
    void shouldRefuseAWrongPasswordAndForgetTheTokenOnSigningOut() {
        signInAs(CITY_SUPERVISOR, "not-the-password");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误"));
        assertThat(browser.getCurrentUrl()).as("still at the realm, no figures").doesNotContain("/workbench/");

        open();
        assertThat(holdsASession()).isTrue();
        click("#sign-out");
        // Signed out at the realm too: the page asks for a sign-in again.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        browser.get(dashboard + "/workbench/");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("username")).isDisplayed());
        assertThat(browser.getCurrentUrl()).doesNotContain("/workbench/");
    }

    @Test
    void shouldDrillDownFromDistrictToStreetToCommunityAndBack() throws IOException {
        open();

        click("a[data-drill='" + HUIMIN + "']");
        awaitView("street:" + HUIMIN + ":" + year);
        assertTableMatches("level=street&parent=" + HUIMIN + "&period=" + year);
        assertThat(browser.findElement(By.id("trail")).getText()).contains("回民区");

        Map.Entry<String, Map<String, String>> street = tableOnScreen().entrySet().iterator().next();
        String streetCode = street.getKey();
        String streetName = street.getValue().get("name");
        click("a[data-drill='" + streetCode + "']");
        awaitView("community:" + streetCode + ":" + year);
        assertTableMatches("level=community&parent=" + streetCode + "&period=" + year);
        assertThat(browser.findElement(By.id("trail")).getText()).contains("回民区").contains(streetName);
        assertThat(browser.findElements(By.cssSelector("#areas a[data-drill]"))).as("communities are the bottom")
                .isEmpty();
        screenshot("communities");

        click("#trail a[data-trail='city']");
        awaitView("district::" + year);
    }

    @Test
    void shouldShowNewReportsWithoutReloadingThePage() {
        open();
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
        long before = Long.parseLong(tableOnScreen().get(HELINGE).get("reported"));

        loop.report(HELINGE_VILLAGE, 2);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(tableOnScreen().get(HELINGE).get("reported")).isEqualTo(String.valueOf(before + 2)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getText()).startsWith("实时更新");
    }

    /** A handling unit following a dashboard bookmark lands on its own queue: the board is not among its pages. */
    @Test
    void shouldTakeAHandlerToTheirQueueInsteadOfTheBoard() throws IOException {
        signInAs("handler-saihan-water", PASSWORD);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("#/unit")
                && browser.findElement(By.id("person-name")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector(".el-menu-item")).stream().map(WebElement::getText))
                .contains("本单位待办").doesNotContain("办结率看板");
        assertThat(browser.findElements(By.id("live"))).as("no live feed knocks on a door closed to them").isEmpty();
        screenshot("not-for-handlers");
    }

    /** Every configured rate is on the board (the 12345 三率 among them), the red overdue figure only when not 0. */
    @Test
    void shouldShowEveryRateAndTheSplitAndOnlyAHotOverdueInRed() {
        open();
        JsonNode formulas = api("/api/v1/stats/formulas").get("formulas");
        // Read in one script: the live feed may redraw the board between two lookups.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#rates tr[data-rate]')].map(r => r.dataset.rate);"))
                .isEqualTo(formulas.valueStream().map(f -> f.get("code").asString()).toList()));
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('rates').textContent;"))
                .contains("响应率", "解决率", "满意率", "返工率", "延期率");
        assertThat(browser.findElements(By.cssSelector("#split canvas"))).isNotEmpty();
        long overdue = api("/api/v1/stats/completion?level=district&period=" + year).get("total").get("counts")
                .get("overdueNow").asLong();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('kpi-overdue').classList.contains('hot');")).isEqualTo(overdue > 0);
    }

    /** On a phone (390 px wide) nothing runs off the side of the screen. */
    @Test
    void shouldFitAPhoneScreen() throws IOException {
        Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            open();
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            screenshot("phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void shouldListTheOverdueCasesOfTheAreaOnScreen() {
        open();

        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
            JsonNode overdue = api("/api/v1/stats/overdue?size=10");
            assertThat(overdue.get("total").asLong()).isPositive();
            assertThat(browser.findElement(By.id("overdue-count")).getText())
                    .isEqualTo("（" + overdue.get("total").asLong() + " 件）");
            List<WebElement> rows = browser.findElements(By.cssSelector("#overdue tbody tr[data-case]"));
            assertThat(rows.stream().map(r -> r.getDomAttribute("data-case")).toList()).isEqualTo(
                    overdue.get("items").valueStream().map(i -> i.get("caseId").asString()).toList());
            assertThat(rows.stream().map(WebElement::getText))
                    .anySatisfy(text -> assertThat(text).contains("和林格尔县").contains("问题隐患").contains("天")
                            .contains(OVERDUE_NUMBER));
            // Each case opens in the workbench by its number.
            WebElement link = browser.findElement(By.xpath("//table[@id='overdue']//a[text()='" + OVERDUE_NUMBER + "']"));
            assertThat(link.getDomAttribute("href")).startsWith("#/cases/overdue-");
        });
    }

    @Test
    void shouldOfferTheTableOnScreenForExport() {
        open();
        click("a[data-drill='" + HELINGE + "']");
        awaitView("street:" + HELINGE + ":" + year);

        String xlsx = browser.findElement(By.id("export-xlsx")).getDomProperty("href");
        assertThat(xlsx).startsWith(stack.baseUrl(ServiceNames.STATS) + "/api/v1/stats/completion/export?")
                .contains("level=street").contains("parent=" + HELINGE).contains("period=" + year)
                .contains("format=xlsx");
        stats.get().uri(xlsx.substring(stack.baseUrl(ServiceNames.STATS).length())).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(browser.findElement(By.id("export-csv")).getDomProperty("href")).contains("format=csv");

        // The quarter's zero-complaint reward form of the county shown, as its finance office files it.
        String rewards = browser.findElement(By.id("export-rewards")).getDomProperty("href");
        assertThat(rewards).startsWith(stack.baseUrl(ServiceNames.STATS) + "/api/v1/stats/zero-complaint/export?")
                .contains("parent=" + HELINGE).contains("format=xlsx");
        stats.get().uri(rewards.substring(stack.baseUrl(ServiceNames.STATS).length())).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(browser.findElement(By.id("zero-card")).getText()).contains("奖励合计");
        // 乡镇任务 of the county's streets and towns, as the API counts them.
        JsonNode quotas = api("/api/v1/stats/town-quotas?parent=" + HELINGE);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("quota-card")).getText()
                .contains("乡镇任务") && browser.findElement(By.id("quota-card")).getText()
                .contains(quotas.get("met").asInt() + " / " + quotas.get("rows").size() + " 个已达标"));
    }
}
