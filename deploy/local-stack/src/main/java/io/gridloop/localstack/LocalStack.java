package io.gridloop.localstack;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.hotline.simulator.HotlineSimulator;
import io.gridloop.hotline.simulator.OrderFactory;
import io.gridloop.infra.DevelopmentSettings;
import io.gridloop.infra.KraftBroker;
import io.gridloop.infra.MongoWireServer;
import io.gridloop.infra.auth.ClientCredentials;
import io.gridloop.infra.auth.DevRealm;
import io.gridloop.infra.auth.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts gridloop on one machine without Docker: a real KRaft Kafka broker (log under {@code data/kafka}), an
 * embedded MongoDB-wire server (H2 file under {@code data/mongo}), the five services, a 12345 hotline simulator
 * and the demo feeder.
 * Data survives a restart; Ctrl-C stops everything in order.
 *
 * <p>Options: {@code --no-demo}, {@code --demo-rate=<reports per second>} (default 2),
 * {@code --data-dir=<dir>} (default {@code ./data}), {@code --kafka-port=9092}, {@code --mongo-port=27017},
 * {@code --hotline-port=8093}, {@code --issuer-port=8090} (where people sign in), {@code --keycloak=<dir>} (sign in
 * with a real Keycloak from the distribution unpacked under that directory instead of the development issuer: what
 * {@code run.sh --keycloak} passes), {@code --in-memory-db} (the MongoDB-wire server keeps nothing on disk: for measuring what
 * the H2 file store costs, never for data you want back).
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        long started = System.nanoTime();
        quietUntilSpringConfiguresLogging();

        // Sign-in: the demo realm's users and clients, in Keycloak (--keycloak) or in the development issuer,
        // which serves them the way Keycloak does. First, so that a Keycloak that cannot start leaves nothing
        // running.
        SignIn issuer = options.keycloak() == null ? SignIn.development(options.issuerPort())
                : SignIn.keycloak(options.keycloak(), options.issuerPort());
        KraftBroker kafka = KraftBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort(),
                options.kafkaPort() + 1);
        MongoWireServer mongo = options.inMemoryDb() ? MongoWireServer.startInMemory(options.mongoPort())
                : MongoWireServer.startPersistent(options.dataDir().resolve("mongo"), options.mongoPort());
        // The city's 12345 platform, simulated: it pushes orders (with the demo), answers status syncs and
        // escalations, and makes a return visit after each reply. Both sides use the development secret.
        HotlineSimulator hotline = HotlineSimulator.start(options.hotlinePort(), DevelopmentSettings.HOTLINE_SECRET, 12345);
        GridloopStack stack;
        try {
            Map<String, Object> settings = new LinkedHashMap<>(DevelopmentSettings.of(issuer.springProperties()));
            settings.put("gridloop.hotline.base-url", hotline.baseUrl());
            // Statistics' counting stores beside the broker's and the database's files, so a restart resumes them.
            settings.put("gridloop.stats.counting.state-dir",
                    options.dataDir().resolve("stats-state").toAbsolutePath().toString());
            stack = GridloopStack.start(kafka.bootstrapServers(), mongo.connectionString(), ServicePorts.STANDARD,
                    settings);
        } catch (RuntimeException e) {
            issuer.close();
            hotline.close();
            mongo.close();
            kafka.close();
            throw e;
        }
        hotline.bridgeUrl(stack.baseUrl(ServiceNames.HOTLINE_BRIDGE)).autoVisits(Duration.ofSeconds(5))
                .autoExtensionDecisions(Duration.ofSeconds(5), true)
                // The data directory outlives the simulator: orders of earlier runs are still the bridge's.
                .acceptUnknownOrders(true)
                .orderFactory(new OrderFactory(DemoData.GRIDS.values().stream().flatMap(List::stream)
                        .map(DemoData.DemoGrid::code).toList(), System.nanoTime(), "L"));
        DemoFeeder feeder = options.demo()
                ? new DemoFeeder(stack.baseUrl(ServiceNames.INTAKE), stack.baseUrl(ServiceNames.DISPATCH), hotline,
                options.demoRate(), new ClientCredentials(issuer.tokenUri(), DEMO_CLIENT,
                DevRealm.standard().client(DEMO_CLIENT).orElseThrow().secret()))
                : null;
        if (feeder != null) {
            feeder.start();
            String admin = issuer.adminToken();
            DemoStaff.registerInBackground(stack.baseUrl(ServiceNames.DISPATCH), admin);
            DemoOutlines.importInBackground(stack.baseUrl(ServiceNames.INTAKE), admin);
            DemoRoster.enrolInBackground(stack.baseUrl(ServiceNames.STATS), admin);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping gridloop…");
            if (feeder != null) {
                feeder.close();
            }
            stack.close();
            hotline.close();
            issuer.close();
            mongo.close();
            kafka.close();
            stopped.countDown();
        }, "gridloop-shutdown"));

        printBanner(stack, hotline, issuer, kafka, mongo, options, (System.nanoTime() - started) / 1_000_000_000.0);
        stopped.await();
    }

    /** The realm's machine client the demo feeder signs in as (reporting channel and dispatch centre). */
    static final String DEMO_CLIENT = "demo-feeder";


    private static void printBanner(GridloopStack stack, HotlineSimulator hotline, SignIn issuer,
                                    KraftBroker kafka, MongoWireServer mongo, Options options, double seconds) {
        String banner = """

                gridloop local stack is up in %.1f s
                  workbench (工作台)   %s/workbench/  (办结率看板 %s/workbench/#/dashboard)
                  prometheus          %s/actuator/prometheus
                  intake (上报)        %s/api/v1/events
                  dispatch (案件)      %s/api/v1/cases/{id}
                  hotline bridge      %s/api/v1/hotline/outbox
                  12345 simulator     %s/sim/state  (header X-Simulator-Key: %s)
                  stats (统计)         %s/api/v1/stats/completion?level=district
                  sign-in (登录)       %s
                  kafka               %s
                  mongodb             %s
                  data                %s
                  demo feeder         %s
                Press Ctrl-C to stop.
                """.formatted(seconds,
                stack.baseUrl(ServiceNames.METRICS), stack.baseUrl(ServiceNames.METRICS), stack.baseUrl(ServiceNames.METRICS),
                stack.baseUrl(ServiceNames.INTAKE), stack.baseUrl(ServiceNames.DISPATCH),
                stack.baseUrl(ServiceNames.HOTLINE_BRIDGE), hotline.baseUrl(), hotline.adminKey(),
                stack.baseUrl(ServiceNames.STATS),
                issuer.issuerUri(), kafka.bootstrapServers(), mongo.connectionString(), options.dataDir().toAbsolutePath().normalize(),
                options.demo() ? "on, " + options.demoRate() + " reports/s, one in eight as a 12345 order"
                        + " (--no-demo turns it off)" : "off");
        System.out.println(banner + demoUsers(issuer));
    }

    /** The realm's people, to sign in to the workbench or to ask the token endpoint for a token as them. */
    static String demoUsers(SignIn issuer) {
        StringBuilder table = new StringBuilder("Demo users (deploy/keycloak/demo-realm.json), for the workbench "
                + "or the token endpoint " + issuer.tokenUri() + "\n  (grant_type=password, client_id=gridloop-app):\n");
        for (DevRealm.User user : DevRealm.standard().users()) {
            Identity who = user.identity();
            table.append(String.format("  %-22s %-10s %-20s %-38s %s%n", user.username(), user.password(),
                    String.join(",", who.roles()), String.join(",", who.areas())
                            + (who.unit() == null ? "" : " unit " + who.unit()), who.name()));
        }
        return table.toString();
    }

    /**
     * Logback's configuration-less default is DEBUG for everything, and the broker starts before any Spring
     * context has applied the services' logging settings.
     */
    private static void quietUntilSpringConfiguresLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
            logback.getLogger("kafka").setLevel(ch.qos.logback.classic.Level.WARN);
            logback.getLogger("org.apache.kafka").setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    record Options(Path dataDir, boolean demo, double demoRate, int kafkaPort, int mongoPort, int hotlinePort,
                   boolean inMemoryDb, int issuerPort, Path keycloak) {

        static Options parse(String[] args) {
            Path dataDir = Path.of("data");
            boolean demo = true;
            double rate = 2.0;
            int kafkaPort = 9092;
            int mongoPort = 27017;
            int hotlinePort = 8093;
            int issuerPort = 8090;
            boolean inMemoryDb = false;
            Path keycloak = null;
            for (String arg : args) {
                if (arg.equals("--no-demo")) {
                    demo = false;
                } else if (arg.equals("--in-memory-db")) {
                    inMemoryDb = true;
                } else if (arg.startsWith("--demo-rate=")) {
                    rate = Double.parseDouble(value(arg));
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(value(arg));
                } else if (arg.startsWith("--kafka-port=")) {
                    kafkaPort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--mongo-port=")) {
                    mongoPort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--hotline-port=")) {
                    hotlinePort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--issuer-port=")) {
                    issuerPort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--keycloak=")) {
                    keycloak = Path.of(value(arg));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + "; known: --no-demo, "
                            + "--demo-rate=N, --data-dir=DIR, --kafka-port=N, --mongo-port=N, --hotline-port=N, --issuer-port=N, --in-memory-db, "
                            + "--keycloak=DIR (run.sh --keycloak)");
                }
            }
            return new Options(dataDir, demo, rate, kafkaPort, mongoPort, hotlinePort, inMemoryDb, issuerPort,
                    keycloak);
        }

        private static String value(String arg) {
            return arg.substring(arg.indexOf('=') + 1);
        }
    }
}
