package io.gridloop.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topic;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.CaseState;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncStatus;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.ConsumerLag;
import io.gridloop.infra.DevelopmentSettings;
import io.gridloop.infra.FreePort;
import io.gridloop.infra.GroupMembers;
import io.gridloop.infra.KraftBroker;
import io.gridloop.infra.MongoWireServer;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import io.gridloop.infra.auth.ClientCredentials;
import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.DevTokenIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: the whole stack under steady demo load — grid workers' reports, 12345 orders, handlers
 * working cases, return visits — while, one at a time, the Kafka broker restarts, the MongoDB-wire server
 * restarts, each service (in a JVM of its own) is killed with SIGKILL mid-processing and started again, the 12345 platform goes away, poison
 * messages land on every topic and malformed requests hit every API. After each fault the load pauses and the
 * suite waits (bounded) until the system has caught up, then checks: every report answered 202 and every order
 * the bridge took is a case; statistics count exactly the cases there are, state by state (a recount from the
 * case files); every closed 12345 case synced 签收受理 → 办理中 → 办结反馈 exactly once each; the outbox holds
 * nothing undelivered; dead-letter topics hold exactly the poison and nothing else; malformed input got no 5xx and
 * only problem+json. The figures of each phase are printed as a table (README, *Reliability*).
 *
 * <p>{@code -Dgridloop.fault.profile=long} (Maven profile {@code fault-suite}) runs minutes of load per fault and
 * a three-minute 12345 outage; the default is the short run CI does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {

    private record Settings(String name, double reportsPerSecond, int reportsAfterFault, int outageReports,
                            int scaledOutReports, int malformed, int poisonPerTopic, int patrolsPerPhase,
                            Duration patience) {
        static Settings of(String profile) {
            return profile.equals("long")
                    ? new Settings("long", 8, 480, 1_440, 1_440, 6_000, 10, 12, Duration.ofMinutes(5))
                    : new Settings("short", 5, 15, 40, 60, 1_200, 3, 2, Duration.ofMinutes(2));
        }
    }

    /** A patrol intake took, as the suite's grid worker recorded it. */
    private record PatrolSent(String workerId, String gridCode, String kind, String month) {
    }

    /** Grid workers who patrol during the suite, each in one grid of 赛罕区. */
    private static final int PATROLLING_WORKERS = 4;
    private static final List<String> PATROL_KINDS = List.of("HAZARD_PATROL", "HOUSEHOLD_VISIT",
            "INFORMATION_COLLECTION", "POLICY_PUBLICITY", "LIVELIHOOD_SERVICE", "DISPUTE_SCREENING");
    /** The assessment's measure of each patrol kind, as statistics name them. */
    private static final Map<String, String> PATROL_MEASURES = Map.of("HAZARD_PATROL", "HAZARD_PATROLS",
            "HOUSEHOLD_VISIT", "HOUSEHOLD_VISITS", "INFORMATION_COLLECTION", "INFORMATION_COLLECTIONS",
            "POLICY_PUBLICITY", "POLICY_PUBLICITY", "LIVELIHOOD_SERVICE", "LIVELIHOOD_SERVICES",
            "DISPUTE_SCREENING", "DISPUTE_SCREENINGS");
    /** The measures recounted from the case files and the accepted patrols. */
    private static final List<String> RECOUNTED_MEASURES = List.of("VALID_REPORTS", "HAZARD_REPORTS",
            "DISPUTE_REPORTS", "SELF_HANDLED_CLOSED", "HAZARD_PATROLS", "HOUSEHOLD_VISITS", "INFORMATION_COLLECTIONS",
            "POLICY_PUBLICITY", "LIVELIHOOD_SERVICES", "DISPUTE_SCREENINGS");

    /** What one phase left behind, once the system caught up (or the patience ran out). */
    record Figures(String phase, boolean caughtUp, int acceptedReports, int acceptedOrders, long cases,
                   long missing, Map<String, Long> byState, Map<String, Long> stats, List<String> mismatches,
                   long lag, long outboxPending, long outboxParked, int syncsRecorded, int duplicateSyncs,
                   long closedHotlineCases, List<String> wrongSyncs, List<String> hotlineViolations,
                   Map<String, Integer> deadLetters, List<String> unexpectedDeadLetters,
                   List<String> dashboardMismatches) {
    }

    /**
     * What one instance did while dispatch and stats ran as two: partitions it held at the end, by topic, and
     * records it handled and case actions it answered meanwhile.
     */
    record InstanceShare(String instance, Map<String, Integer> partitions, long records, long caseActions) {
    }

    /**
     * The services scaled out, and the topics each consumes as one group; the first carries the work. (Kafka's
     * default range assignment gives a 3-partition topic to the first instance's three listener threads alone.)
     */
    private static final Map<String, List<String>> SCALED = Map.of(
            ServiceNames.DISPATCH, List.of(Topics.EVENT_REPORTED.name(), Topics.REOPEN_REQUESTED.name(),
                    Topics.HOTLINE_VISIT_RECORDED.name()),
            ServiceNames.STATS, List.of(Topics.CASE_TRANSITIONED.name(), Topics.AREA_REGISTERED.name()));

    private static final String SECRET = "fault-suite-secret-at-least-32-bytes-long";
    private final Settings settings = Settings.of(System.getProperty("gridloop.fault.profile", "short"));
    private final String year = String.valueOf(Year.now(ZoneId.of("Asia/Shanghai")).getValue());

    private Path dir;
    private KraftBroker kafka;
    private int mongoPort;
    private volatile MongoWireServer mongo;
    private DevTokenIssuer issuer;
    private HotlineSimulator hotline;
    private ServiceProcesses services;
    private DemoFeeder feeder;

    private final Set<String> acceptedReports = ConcurrentHashMap.newKeySet();
    private final Map<String, String> acceptedOrders = new ConcurrentHashMap<>();
    private final Map<String, PatrolSent> acceptedPatrols = new ConcurrentHashMap<>();
    private int patrolsSent;
    /** Grid workers on the assessment roster already. */
    private final Set<String> enrolled = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> poisonSent = new TreeMap<>();
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();
    /** The key of the record a dead-letter line is about (the message goes on with the exception, over lines). */
    private static final java.util.regex.Pattern POISON_KEY = java.util.regex.Pattern.compile(" key=(poison-[^:\\s]+):");
    /** Each poison record's key → the trace id its traceparent header carried. */
    private final Map<String, String> poisonTraces = new ConcurrentHashMap<>();
    private final List<Figures> phases = new ArrayList<>();
    /** Each phase's seconds: the fault and the load after it, then the wait until the system caught up. */
    private final Map<String, long[]> timings = new LinkedHashMap<>();
    private FaultFuzz.Result fuzz;
    private List<InstanceShare> whileTwo = List.of();
    private List<InstanceShare> afterScaleIn = List.of();
    private final AtomicInteger nextDispatch = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("target"), "fault-suite-");
        kafka = KraftBroker.start(dir.resolve("kafka"), FreePort.next(), FreePort.next());
        mongoPort = FreePort.next();
        mongo = MongoWireServer.startPersistent(dir.resolve("mongo"), mongoPort);
        issuer = DevTokenIssuer.start(0, DevRealm.standard());
        hotline = HotlineSimulator.start(0, SECRET, 7);
        Map<String, Object> props = new LinkedHashMap<>(DevelopmentSettings.of(issuer));
        props.put("gridloop.hotline.base-url", hotline.baseUrl());
        props.put("gridloop.hotline.secret", SECRET);
        props.put("gridloop.stats.snapshot-interval", "500ms");
        // Logs as an installation that collects them asks for: one JSON object (ECS) per line, with trace ids.
        props.put("logging.structured.format.console", "ecs");
        if (settings.name().equals("short")) {
            // A killed instance's partitions wait for its group session to expire before another takes them (Kafka's
            // default: 45 s). What happens after is what the suite checks; the short run does not wait that long.
            for (String client : List.of("consumer", "streams")) {
                props.put("spring.kafka." + client + ".properties.session.timeout.ms", "10000");
                props.put("spring.kafka." + client + ".properties.heartbeat.interval.ms", "3000");
            }
        }
        services = ServiceProcesses.start(kafka.bootstrapServers(), mongo.connectionString(), props, dir,
                Duration.ofMinutes(4));
        List<String> grids = DemoData.GRIDS.values().stream().flatMap(List::stream).map(DemoData.DemoGrid::code)
                .toList();
        hotline.bridgeUrl(services.baseUrl(ServiceNames.HOTLINE_BRIDGE)).autoVisits(Duration.ofMillis(500))
                .orderFactory(new OrderFactory(grids, 11, "F"));
        // Case actions go round the running dispatch instances, as a load balancer would send them.
        feeder = new DemoFeeder(services.baseUrl(ServiceNames.INTAKE), this::anyDispatch, hotline,
                settings.reportsPerSecond(), new ClientCredentials(issuer.tokenUri(), LocalStack.DEMO_CLIENT,
                issuer.realm().client(LocalStack.DEMO_CLIENT).orElseThrow().secret()))
                .onAccepted(new DemoFeeder.Accepted() {
                    @Override
                    public void report(String eventId) {
                        acceptedReports.add(eventId);
                    }

                    @Override
                    public void hotlineOrder(String orderNumber, String caseId) {
                        acceptedOrders.put(orderNumber, caseId);
                    }
                });
        feeder.start();
    }

    @AfterAll
    void stop() {
        if (feeder != null) {
            feeder.close();
        }
        if (services != null) {
            services.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {hotline, issuer, mongo, kafka}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // shutting down a test's infrastructure; the results are in already
            }
        }
    }

    @Test
    void shouldLoseNothingAndCountNothingTwiceWhateverFails() {
        phase("steady load, no fault", () -> {
        });
        phase("Kafka broker restarted", () -> kafka.restart(this::notReadyButAlive));
        phase("MongoDB-wire server restarted", () -> {
            mongo.close();
            mongo = MongoWireServer.startPersistent(dir.resolve("mongo"), mongoPort);
        });
        for (String service : List.of(ServiceNames.INTAKE, ServiceNames.DISPATCH, ServiceNames.HOTLINE_BRIDGE,
                ServiceNames.STATS, ServiceNames.METRICS)) {
            phase(service + " killed mid-work, restarted", () -> services.killAndRestart(service,
                    Duration.ofMinutes(2)));
        }
        scaleOutAndIn();
        phase("12345 platform down for " + settings.outageReports() + " reports' time", () -> {
            hotline.down();
            underLoad(settings.outageReports());
            hotline.up();
        });
        phase(settings.poisonPerTopic() + " poison messages on each of " + Topics.all().size() + " topics",
                this::poison);
        phase(settings.malformed() + " malformed HTTP requests", () -> fuzz = new FaultFuzz(20261124, tester(), SECRET)
                .run(settings.malformed(), services.baseUrl(ServiceNames.INTAKE), services.baseUrl(ServiceNames.DISPATCH),
                        services.baseUrl(ServiceNames.STATS), services.baseUrl(ServiceNames.HOTLINE_BRIDGE)));

        System.out.println(report());
        assertThat(phases).allSatisfy(f -> {
            assertThat(f.caughtUp()).as(f.phase() + ": caught up within " + settings.patience()).isTrue();
            assertThat(f.missing()).as(f.phase() + ": accepted but no case").isZero();
            assertThat(f.mismatches()).as(f.phase() + ": statistics against a recount of the cases").isEmpty();
            assertThat(f.wrongSyncs()).as(f.phase() + ": 12345 syncs of closed cases").isEmpty();
            assertThat(f.hotlineViolations()).as(f.phase() + ": what the 12345 platform saw").isEmpty();
            assertThat(f.outboxParked()).as(f.phase() + ": 12345 messages given up").isZero();
            assertThat(f.unexpectedDeadLetters()).as(f.phase() + ": dead letters that are not poison").isEmpty();
        });
        Figures last = phases.getLast();
        assertThat(last.deadLetters()).as("every poison message dead-lettered once per consumer")
                .isEqualTo(expectedDeadLetters());
        assertThat(last.acceptedReports()).as("the load ran").isGreaterThan(settings.reportsAfterFault() * 5);
        assertThat(last.closedHotlineCases()).as("12345 orders went round the loop").isPositive();
        assertThat(phases).allSatisfy(f -> assertThat(f.dashboardMismatches())
                .as(f.phase() + ": the dashboard's districts against statistics").isEmpty());
        assertThat(whileTwo).as("two instances each of dispatch and stats shared the work").hasSize(4)
                .allSatisfy(share -> {
                    assertThat(share.records()).as(share.instance() + " handled records").isPositive();
                    assertThat(share.partitions().values()).as(share.instance() + " held partitions")
                            .anySatisfy(n -> assertThat(n).isPositive());
                });
        for (String service : SCALED.keySet()) {
            for (String topic : SCALED.get(service)) {
                int partitions = Topics.named(topic).orElseThrow().partitions();
                List<Integer> held = whileTwo.stream().filter(s -> s.instance().startsWith(service))
                        .map(s -> s.partitions().getOrDefault(topic, 0)).toList();
                assertThat(held).as(topic + ": partitions held by the two " + service + " instances").hasSize(2)
                        .satisfies(ns -> assertThat(ns.stream().mapToInt(Integer::intValue).sum()).isEqualTo(partitions));
                if (topic.equals(SCALED.get(service).getFirst())) {
                    assertThat(held).as(topic + " carries the work: both instances hold some of it")
                            .allSatisfy(n -> assertThat(n).isPositive());
                }
                assertThat(afterScaleIn.stream().filter(s -> s.instance().startsWith(service)).toList())
                        .as(service + " after scale-in: one instance holds all of " + topic).singleElement()
                        .satisfies(s -> assertThat(s.partitions()).containsEntry(topic, partitions));
            }
        }
        assertThat(whileTwo.stream().filter(s -> s.instance().startsWith(ServiceNames.DISPATCH)))
                .as("case actions answered by each dispatch instance")
                .allSatisfy(s -> assertThat(s.caseActions()).isPositive());
        assertThat(fuzz.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(fuzz.serverErrors()).as("5xx for malformed input: " + fuzz.examples()).isZero();
        assertThat(fuzz.notProblemJson()).as("refusals not as problem+json: " + fuzz.examples()).isZero();
        assertDeadLettersAreLoggedWithTheirTraces();
    }

    /**
     * Whoever finds a dead letter finds its story in the logs by trace id: each listener's line about dead-lettering
     * a poison record is a JSON object (ECS) carrying the trace id of the record's {@code traceparent}.
     */
    private void assertDeadLettersAreLoggedWithTheirTraces() {
        List<JsonNode> lines = new ArrayList<>();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains("Dead-lettering record") && line.contains("key=poison-")) {
                        lines.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(lines).as("dead-letter lines of the services' listeners").hasSizeGreaterThanOrEqualTo(
                settings.poisonPerTopic() * 5).allSatisfy(line -> {
            java.util.regex.Matcher key = POISON_KEY.matcher(line.path("message").asString());
            assertThat(key.find()).as(line.toString()).isTrue();
            assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR");
            assertThat(line.path("service").path("name").asString()).isIn(GridloopStack.applications().keySet());
            assertThat(line.path("traceId").asString()).as(line.toString()).isEqualTo(poisonTraces.get(key.group(1)));
        });
    }

    // ---- phases ----

    /** Applies a fault under load, lets the load run on, then pauses it and checks once the system caught up. */
    private void phase(String name, Runnable fault) {
        long started = System.nanoTime();
        fault.run();
        underLoad(settings.reportsAfterFault());
        patrol(settings.patrolsPerPhase());
        long loaded = System.nanoTime();
        feeder.pause();
        try {
            AtomicReference<Figures> seen = new AtomicReference<>();
            boolean caughtUp;
            try {
                await().atMost(settings.patience()).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .until(() -> {
                            seen.set(figures(name, true));
                            return settled(seen.get());
                        });
                caughtUp = true;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                caughtUp = false;
            }
            Figures f = seen.get() != null ? seen.get() : figures(name, false);
            phases.add(caughtUp ? f : withCaughtUp(f, false));
            timings.put(name, new long[] {(loaded - started) / 1_000_000_000L,
                    (System.nanoTime() - loaded) / 1_000_000_000L});
        } finally {
            feeder.resume();
        }
    }

    /**
     * Patrols of the suite's grid workers, each in their own grid, as a phone sends them: until intake takes one
     * (it may still be recovering from the fault), and then once more (a phone that did not hear the answer),
     * which must record nothing new.
     */
    private void patrol(int count) {
        List<DemoData.DemoGrid> grids = DemoData.GRIDS.get(DemoWork.SAIHAN);
        for (int i = 0; i < count; i++) {
            int n = patrolsSent++;
            String worker = "gw-fault-" + n % PATROLLING_WORKERS;
            String grid = grids.get(n % PATROLLING_WORKERS).code();
            String kind = PATROL_KINDS.get(n % PATROL_KINDS.size());
            java.time.Instant started = java.time.Instant.now().minus(Duration.ofMinutes(40));
            String body = """
                    {"clientPatrolId":"fault-%d","kind":"%s","gridCode":"%s","startedAt":"%s","endedAt":"%s",
                     "notes":"故障演练中的巡查"}""".formatted(n, kind, grid, started, started.plus(Duration.ofMinutes(30)));
            RestTestClient phone = ServiceIntegrationTest.bearer(services.baseUrl(ServiceNames.INTAKE),
                    issuer.mint(io.gridloop.infra.auth.Identity.of(worker, List.of("GRID_WORKER"), grid)));
            String patrolId = await().atMost(settings.patience()).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> phone.post().uri("/api/v1/patrols")
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).exchange()
                            .expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult()
                            .getResponseBody().get("patrolId").asString(), java.util.Objects::nonNull);
            String again = phone.post().uri("/api/v1/patrols")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("patrolId")
                    .asString();
            assertThat(again).as("a patrol sent twice").isEqualTo(patrolId);
            acceptedPatrols.put(patrolId, new PatrolSent(worker, grid, kind, monthOf(started)));
        }
    }

    private static String monthOf(java.time.Instant at) {
        return java.time.YearMonth.from(at.atZone(ZoneId.of("Asia/Shanghai"))).toString();
    }

    /**
     * While the broker is away every service says it cannot take work (readiness DOWN: the load balancer leaves
     * it) but is alive (liveness UP: restarting it would not bring the broker back).
     */
    private void notReadyButAlive() {
        for (String service : GridloopStack.applications().keySet()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(services.probe(service, "readiness")).as("%s readiness", service).isEqualTo(503));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(services.probe(service, "liveness")).as("%s liveness", service).isEqualTo(200));
        }
    }

    /**
     * A second dispatch and a second stats join their consumer groups under load; once the load has run a while
     * and the system caught up, each instance's share is taken; then the second ones stop as a scale-in stops a
     * pod (SIGTERM), the first ones take everything back, and the counts are checked again.
     */
    private void scaleOutAndIn() {
        Map<String, Long> recordsBefore = new TreeMap<>();
        Map<String, Long> actionsBefore = new TreeMap<>();
        phase("second dispatch and stats instances joined", () -> {
            services.addInstances(List.copyOf(SCALED.keySet()), Duration.ofMinutes(2));
            // The shares count from here: until the second instances were ready the first ones did everything.
            for (String service : SCALED.keySet()) {
                String first = services.instances(service).getFirst();
                recordsBefore.put(first, recordsHandled(first));
                actionsBefore.put(first, caseActions(first));
            }
            underLoad(settings.scaledOutReports());
        });
        whileTwo = shares(recordsBefore, actionsBefore);
        phase("second instances stopped (scale-in)", () -> {
            for (String service : SCALED.keySet()) {
                services.stop(services.instances(service).getLast(), Duration.ofMinutes(1));
            }
        });
        afterScaleIn = shares(Map.of(), Map.of());
    }

    private List<InstanceShare> shares(Map<String, Long> recordsBefore, Map<String, Long> actionsBefore) {
        List<InstanceShare> shares = new ArrayList<>();
        for (String service : new TreeMap<>(SCALED).keySet()) {
            Map<String, Map<String, Integer>> members = GroupMembers.partitions(kafka.bootstrapServers(), service);
            for (String instance : services.instances(service)) {
                // Client ids name the instance by port (gridloop-defaults.yml); each listener thread adds "-<n>".
                String port = "-" + services.port(instance) + "-";
                Map<String, Integer> held = new TreeMap<>();
                members.forEach((client, topics) -> {
                    if (client.contains(port)) {
                        topics.forEach((topic, n) -> held.merge(topic, n, Integer::sum));
                    }
                });
                shares.add(new InstanceShare(instance, held,
                        recordsHandled(instance) - recordsBefore.getOrDefault(instance, 0L),
                        caseActions(instance) - actionsBefore.getOrDefault(instance, 0L)));
            }
        }
        return shares;
    }

    /** Records the instance's listeners processed, all topics ({@code gridloop.kafka.records.handled}). */
    private long recordsHandled(String instance) {
        return sumOf(instance, l -> l.startsWith("gridloop_kafka_records_handled_total{"));
    }

    /** Case actions (受理, 反馈, 办结 …) the instance answered. */
    private long caseActions(String instance) {
        return sumOf(instance, l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("/actions/"));
    }

    /** The sum of the instance's Prometheus series the lines of which {@code match}. */
    private long sumOf(String instance, Predicate<String> match) {
        return (long) scrape(instance).lines().filter(match)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String scrape(String instance) {
        return ServiceIntegrationTest.bearer(services.baseUrl(instance), tester()).get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private String anyDispatch() {
        List<String> running = services.instances(ServiceNames.DISPATCH);
        return services.baseUrl(running.get(Math.floorMod(nextDispatch.getAndIncrement(), running.size())));
    }

    /** Lets the demo load run until it has had {@code reports} more reports accepted. */
    private void underLoad(int reports) {
        int target = acceptedReports.size() + reports;
        await().atMost(Duration.ofSeconds((long) (reports / settings.reportsPerSecond()) * 4 + 60))
                .pollInterval(Duration.ofMillis(200)).until(() -> acceptedReports.size() >= target);
    }

    private void poison() {
        for (Topic<?> topic : Topics.all()) {
            for (int i = 0; i < settings.poisonPerTopic(); i++) {
                String key = "poison-" + topic.name() + "-" + i;
                byte[] garbage = ("{\"specversion\":\"1.0\",\"data\":" + (i % 2 == 0 ? "[[[" : "\"\\uZZZZ\"}"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Traceparent trace = Traceparent.random();
                poisonTraces.put(key, trace.traceId());
                TopicWriter.sendTraced(kafka.bootstrapServers(), topic.name(), key, garbage, trace.header());
                poisonSent.merge(topic.name(), 1, Integer::sum);
            }
        }
    }

    private Map<String, Integer> expectedDeadLetters() {
        Map<String, Integer> expected = new TreeMap<>();
        for (Topic<?> topic : Topics.all()) {
            // Each reader of a topic dead-letters its poison once; a topic nobody read would dead-letter nothing.
            int dead = poisonSent.getOrDefault(topic.name(), 0) * topic.consumers().size();
            if (dead > 0) {
                expected.put(topic.name() + ".dlt", dead);
            }
        }
        return expected;
    }

    // ---- what the system holds ----

    private boolean settled(Figures f) {
        return f.lag() == 0 && f.missing() == 0 && f.mismatches().isEmpty() && f.outboxPending() == 0
                && f.wrongSyncs().isEmpty() && f.deadLetters().equals(expectedDeadLetters())
                && f.dashboardMismatches().isEmpty();
    }

    private Figures figures(String phase, boolean caughtUp) {
        Map<String, CaseRow> cases = cases();
        // An order gridloop may not take (a 转办 that is no grid matter) is not lost when it went back to the
        // hotline as 退单: the hotline has it again, with the reason.
        long missing = acceptedReports.stream().filter(id -> !cases.containsKey(id)).count()
                + acceptedOrders.entrySet().stream().filter(o -> !cases.containsKey(o.getValue()))
                .filter(o -> hotline.syncsOf(o.getKey()).stream().noneMatch(s -> s.status() == SyncStatus.RETURNED))
                .count();
        Map<String, Long> byState = new TreeMap<>();
        cases.values().forEach(c -> byState.merge(c.state(), 1L, Long::sum));

        JsonNode counts = client(ServiceNames.STATS).get().uri("/api/v1/stats/completion?level=city&period={y}", year)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("total").get("counts");
        Map<String, Long> recount = new LinkedHashMap<>();
        recount.put("reported", (long) cases.size());
        recount.put("closed", count(cases, c -> c.state().equals(CaseState.CLOSED.name())));
        recount.put("merged", count(cases, c -> c.state().equals(CaseState.MERGED.name())));
        recount.put("invalidated", count(cases, c -> c.state().equals(CaseState.INVALID.name())));
        recount.put("open", count(cases, c -> !CaseState.valueOf(c.state()).isFinal()));
        recount.put("rework", count(cases, c -> c.reworkCount() > 0));
        recount.put("hotlineOrders", count(cases, c -> "HOTLINE_12345".equals(c.source())));
        Map<String, Long> stats = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        recount.forEach((measure, expected) -> {
            long counted = counts.get(measure).asLong();
            stats.put(measure, counted);
            if (counted != expected) {
                mismatches.add(measure + ": statistics " + counted + ", cases " + expected);
            }
        });

        long lag = 0;
        for (Topic<?> topic : Topics.all()) {
            for (String group : topic.consumers()) {
                lag += ConsumerLag.of(kafka.bootstrapServers(), group, topic.name());
            }
        }
        // Scoring every grid worker of the city costs more than the other checks together: only once the counts
        // caught up is it worth doing.
        if (lag == 0 && mismatches.isEmpty()) {
            mismatches.addAll(assessmentMismatches(cases));
        } else {
            mismatches.add("grid workers' assessment: not recounted while the counts catch up");
        }
        JsonNode outbox = client(ServiceNames.HOTLINE_BRIDGE).get().uri("/api/v1/hotline/outbox").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> wrongSyncs = new ArrayList<>();
        long closedHotline = 0;
        for (Map.Entry<String, String> order : acceptedOrders.entrySet()) {
            CaseRow c = cases.get(order.getValue());
            if (c != null && c.state().equals(CaseState.CLOSED.name())) {
                closedHotline++;
                List<SyncStatus> syncs = hotline.syncsOf(order.getKey()).stream().map(StatusSync::status).toList();
                if (!syncs.equals(List.of(SyncStatus.ACCEPTED, SyncStatus.IN_PROGRESS, SyncStatus.REPLIED))) {
                    wrongSyncs.add(order.getKey() + " " + syncs);
                }
            }
        }

        Map<String, Integer> deadLetters = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            String dlt = topic.name() + ".dlt";
            List<ConsumerRecord<String, byte[]>> records = deadLetters(dlt);
            if (!records.isEmpty()) {
                deadLetters.put(dlt, records.size());
            }
            records.stream().filter(r -> r.key() == null || !r.key().startsWith("poison-" + topic.name() + "-"))
                    .forEach(r -> unexpected.add(dlt + " " + r.key()));
        }
        HotlineSimulator.Summary sim = hotline.summary();
        return new Figures(phase, caughtUp, acceptedReports.size(), acceptedOrders.size(), cases.size(), missing,
                byState, stats, mismatches, lag, outbox.get("pending").asLong(), outbox.get("parked").asLong(),
                sim.syncsRecorded(), sim.duplicateSyncs(), closedHotline, wrongSyncs, sim.violations(), deadLetters,
                unexpected, dashboardMismatches());
    }

    /** Districts whose figures on the dashboard (metrics) differ from statistics' table for this year. */
    private List<String> dashboardMismatches() {
        JsonNode rows = client(ServiceNames.STATS).get()
                .uri("/api/v1/stats/completion?level=district&period={y}", year).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("rows");
        Map<String, List<Long>> counted = new TreeMap<>();
        rows.forEach(r -> counted.put(r.get("areaCode").asString(), List.of(r.get("counts").get("reported").asLong(),
                r.get("counts").get("closed").asLong(), r.get("counts").get("open").asLong())));
        Map<String, List<Long>> shown = new TreeMap<>();
        client(ServiceNames.METRICS).get().uri("/api/v1/dashboard/districts").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .forEach(d -> shown.put(d.get("districtCode").asString(), List.of(d.get("reported").asLong(),
                        d.get("closed").asLong(), d.get("openNow").asLong())));
        List<String> mismatches = new ArrayList<>();
        counted.forEach((district, figures) -> {
            if (figures.getFirst() > 0 && !figures.equals(shown.get(district))) {
                mismatches.add(district + ": dashboard " + shown.get(district) + ", statistics " + figures);
            }
        });
        return mismatches;
    }

    private record CaseRow(String state, String source, int reworkCount, String category, String gridCode,
                           String level, String gridWorkerId, java.time.Instant reportedAt) {
    }

    private Map<String, CaseRow> cases() {
        Map<String, CaseRow> out = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            for (Document d : client.getDatabase("gridloop_dispatch").getCollection("cases").find()) {
                Number rework = d.get("reworkCount", Number.class);
                out.put(d.getString("_id"), new CaseRow(d.getString("state"), d.getString("source"),
                        rework == null ? 0 : rework.intValue(), d.getString("category"), d.getString("gridCode"),
                        d.getString("level"), d.getString("gridWorkerId"), d.getDate("reportedAt").toInstant()));
            }
        }
        return out;
    }

    /**
     * The grid workers' assessment against a recount: each worker's valid reports (by category) and reports closed
     * in the grid, from the case files, and their patrols by kind, from what intake took — month by month, for
     * every worker of 赛罕区 who reported or patrolled (put on the roster as they appear).
     */
    private List<String> assessmentMismatches(Map<String, CaseRow> cases) {
        Map<String, String> gridOf = new TreeMap<>();
        Map<String, Map<String, Map<String, Long>>> expected = new TreeMap<>();
        for (CaseRow c : cases.values()) {
            // 赛罕区's workers: where the patrols are; scoring every worker of the city each phase costs minutes.
            if (c.gridWorkerId() == null || !c.gridCode().startsWith(DemoWork.SAIHAN)) {
                continue;
            }
            gridOf.putIfAbsent(c.gridWorkerId(), c.gridCode());
            Map<String, Long> m = expected.computeIfAbsent(monthOf(c.reportedAt()), k -> new TreeMap<>())
                    .computeIfAbsent(c.gridWorkerId(), k -> new TreeMap<>());
            if (!c.state().equals(CaseState.MERGED.name()) && !c.state().equals(CaseState.INVALID.name())) {
                m.merge("VALID_REPORTS", 1L, Long::sum);
                if (c.category().equals("HAZARD") || c.category().equals("DISPUTE")) {
                    m.merge(c.category() + "_REPORTS", 1L, Long::sum);
                }
            }
            if (c.state().equals(CaseState.CLOSED.name()) && "GRID".equals(c.level())) {
                m.merge("SELF_HANDLED_CLOSED", 1L, Long::sum);
            }
        }
        for (PatrolSent p : acceptedPatrols.values()) {
            gridOf.putIfAbsent(p.workerId(), p.gridCode());
            expected.computeIfAbsent(p.month(), k -> new TreeMap<>()).computeIfAbsent(p.workerId(),
                    k -> new TreeMap<>()).merge(PATROL_MEASURES.get(p.kind()), 1L, Long::sum);
        }
        gridOf.forEach((worker, grid) -> {
            if (!enrolled.contains(worker)) {
                client(ServiceNames.STATS).put().uri("/api/v1/assessment/grid-workers/{w}", worker)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .body("{\"name\":\"网格员" + worker + "\",\"gridCodes\":[\"" + grid + "\"]}").exchange()
                        .expectStatus().isOk();
                enrolled.add(worker);
            }
        });
        List<String> mismatches = new ArrayList<>();
        expected.forEach((month, byWorker) -> {
            Map<String, JsonNode> scored = new TreeMap<>();
            client(ServiceNames.STATS).get().uri("/api/v1/stats/grid-workers?areaCode={d}&month={m}", DemoWork.SAIHAN,
                            month)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("workers").forEach(w -> scored.put(w.get("workerId").asString(), w.get("measures")));
            byWorker.forEach((worker, counts) -> {
                JsonNode measures = scored.get(worker);
                for (String measure : RECOUNTED_MEASURES) {
                    long want = counts.getOrDefault(measure, 0L);
                    long got = measures == null ? -1 : measures.get(measure).asLong();
                    if (got != want) {
                        mismatches.add(worker + " " + month + " " + measure + ": statistics " + got + ", recount "
                                + want);
                    }
                }
            });
        });
        return mismatches;
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String topic) {
        try {
            return TopicReader.readAll(kafka.bootstrapServers(), topic);
        } catch (RuntimeException noSuchTopicYet) {
            return List.of();
        }
    }

    private static long count(Map<String, CaseRow> cases, Predicate<CaseRow> where) {
        return cases.values().stream().filter(where).count();
    }

    private RestTestClient client(String service) {
        return ServiceIntegrationTest.bearer(services.baseUrl(service), tester());
    }

    /** A fresh token for the suite's own reads: the long run outlasts a token's 30 minutes. */
    private String tester() {
        return issuer.mint(ServiceIntegrationTest.TESTER);
    }

    private static Figures withCaughtUp(Figures f, boolean caughtUp) {
        return new Figures(f.phase(), caughtUp, f.acceptedReports(), f.acceptedOrders(), f.cases(), f.missing(),
                f.byState(), f.stats(), f.mismatches(), f.lag(), f.outboxPending(), f.outboxParked(),
                f.syncsRecorded(), f.duplicateSyncs(), f.closedHotlineCases(), f.wrongSyncs(), f.hotlineViolations(),
                f.deadLetters(), f.unexpectedDeadLetters(), f.dashboardMismatches());
    }

    private String report() {
        StringBuilder out = new StringBuilder("\n=== gridloop fault suite (" + settings.name() + ") ===\n");
        out.append(String.format("%-46s %6s %7s %7s %6s %8s %7s %6s %7s %6s %6s %5s %7s %7s%n", "phase", "caught",
                "202s", "orders", "cases", "missing", "stats=", "lag", "outbox", "syncs", "dupSync", "DLT", "fault s",
                "catch s"));
        for (Figures f : phases) {
            long[] seconds = timings.getOrDefault(f.phase(), new long[2]);
            out.append(String.format("%-46s %6s %7d %7d %6d %8d %7s %6d %7d %6d %6d %5d %7d %7d%n", f.phase(),
                    f.caughtUp() ? "yes" : "NO", f.acceptedReports(), f.acceptedOrders(), f.cases(), f.missing(),
                    f.mismatches().isEmpty() ? "exact" : "OFF", f.lag(), f.outboxPending() + f.outboxParked(),
                    f.syncsRecorded(), f.duplicateSyncs(),
                    f.deadLetters().values().stream().mapToInt(Integer::intValue).sum(), seconds[0], seconds[1]));
            if (!f.mismatches().isEmpty() || !f.wrongSyncs().isEmpty() || !f.unexpectedDeadLetters().isEmpty()
                    || !f.hotlineViolations().isEmpty() || !f.dashboardMismatches().isEmpty()) {
                out.append("    ").append(f.mismatches()).append(' ').append(f.wrongSyncs()).append(' ')
                        .append(f.unexpectedDeadLetters()).append(' ').append(f.hotlineViolations()).append(' ')
                        .append(f.dashboardMismatches()).append('\n');
            }
        }
        out.append("work split while two instances each of dispatch and stats ran (")
                .append(settings.scaledOutReports()).append("+ reports):\n");
        whileTwo.forEach(share -> out.append(String.format("    %-22s partitions %s, %d records handled, %d case actions%n",
                share.instance(), share.partitions(), share.records(), share.caseActions())));
        out.append("after the second instances stopped:\n");
        afterScaleIn.forEach(share -> out.append(String.format("    %-22s partitions %s%n", share.instance(),
                share.partitions())));
        Figures last = phases.getLast();
        out.append("cases by state at the end: ").append(last.byState()).append('\n');
        out.append("statistics at the end:     ").append(last.stats()).append('\n');
        out.append("12345 cases closed: ").append(last.closedHotlineCases()).append(", each synced 签收受理→办理中→办结反馈 once\n");
        out.append("dead letters: ").append(last.deadLetters()).append(" (poison sent: ").append(poisonSent)
                .append(")\n");
        if (fuzz != null) {
            out.append("malformed requests: ").append(fuzz.sent()).append(" sent, ").append(fuzz.serverErrors())
                    .append(" answered 5xx, ").append(fuzz.notProblemJson()).append(" refused without problem+json, ")
                    .append(fuzz.answeredOk()).append(" still valid and answered 2xx; by target ")
                    .append(fuzz.byTarget()).append('\n');
            fuzz.examples().forEach(e -> out.append("    ").append(e).append('\n'));
        }
        return out.toString();
    }
}
