package io.gridloop.hotline.simulator;

import com.sun.net.httpserver.HttpServer;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A stand-in for the city's 12345 platform: the hotline side of {@code contracts/openapi/hotline-12345.yaml}.
 *
 * <p>It serves what the bridge calls — status syncs, escalations (上报12345派单) and order polling — checking
 * each request's signature and body against the contract, recording syncs once per {@code syncId} and flagging
 * any that arrive out of sequence, and refusing (404) syncs for order numbers it never issued
 * ({@link HotlineEndpoints}, {@link Recorded}). It makes the calls the bridge serves: pushing orders, posting
 * return visits (回访) and answering extension requests (延期审核) ({@link BridgeCalls}) — the last two by
 * themselves after an order's 办结反馈 or 延期申请 if asked to ({@link AutoAnswers}). {@link #faults()} makes it
 * misbehave on demand, and {@link #down()}/{@link #up()} take it off the network altogether.
 */
public final class HotlineSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineSimulator.class);

    /**
     * Where {@code /sim/*} requests (state, faults, outages, orders on demand) carry the key made at start and
     * printed, so only whoever started the simulator can make it misbehave.
     */
    public static final String ADMIN_KEY_HEADER = "X-Simulator-Key";

    /** What the bridge answered to something the simulator sent. */
    public record Delivery(int status, String body) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Counters for a test's or an operator's overview. */
    public record Summary(int ordersSent, int syncsRecorded, int duplicateSyncs, int escalations, int visitsSent,
                          int extensionDecisionsSent, int syncsForUnknownOrders, int rejectedSignatures,
                          List<String> violations, boolean up, String faults) {
    }

    private final Faults faults;
    private final Recorded recorded = new Recorded();
    private final BridgeCalls calls;
    private final AutoAnswers autoAnswers;
    private final HotlineEndpoints endpoints;
    private final String adminKey = UUID.randomUUID().toString().replace("-", "");
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotline-simulator-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile int port;
    private volatile HttpServer server;

    private HotlineSimulator(byte[] secret, long seed, Clock clock) {
        JsonMapper json = new EventCodec().mapper();
        this.faults = new Faults(new Random(seed + 1));
        this.calls = new BridgeCalls(secret, clock, json, faults, recorded);
        this.autoAnswers = new AutoAnswers(calls, timers, faults, new Random(seed), clock);
        this.endpoints = new HotlineEndpoints(this, secret, adminKey, clock, json, faults, recorded, autoAnswers,
                timers);
    }

    /**
     * Starts a simulator on {@code port} (0: any free port) that signs and checks requests with {@code secret}.
     */
    public static HotlineSimulator start(int port, String secret, long seed) {
        HotlineSimulator simulator = new HotlineSimulator(secret.getBytes(StandardCharsets.UTF_8), seed,
                Clock.systemUTC());
        simulator.server = simulator.listen(port);
        // Kept, so up() after down() listens where the bridge is configured to call.
        simulator.port = simulator.server.getAddress().getPort();
        log.info("12345 hotline simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("localhost", onPort), 64);
            s.createContext("/", endpoints::handle);
            s.setExecutor(handlers);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + onPort, e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The key {@code /sim/*} requests carry in {@value #ADMIN_KEY_HEADER}. */
    public String adminKey() {
        return adminKey;
    }

    public int port() {
        return port;
    }

    public Faults faults() {
        return faults;
    }

    /** Where the bridge listens, for pushing orders and visits. */
    public HotlineSimulator bridgeUrl(String url) {
        calls.bridgeUrl(url);
        return this;
    }

    /** Post a return visit this long after an order's 办结反馈 arrives; {@code null}: never. */
    public HotlineSimulator autoVisits(Duration delay) {
        autoAnswers.visits(delay);
        return this;
    }

    /**
     * Answer each 延期申请 this long after it arrives ({@code null}: never): granted with a deadline the requested
     * number of days later, or refused, as {@code grant} says.
     */
    public HotlineSimulator autoExtensionDecisions(Duration delay, boolean grant) {
        autoAnswers.extensionDecisions(delay, grant);
        return this;
    }

    /**
     * Take syncs also for order numbers this simulator did not issue. It keeps nothing between runs, so beside a
     * bridge whose database holds orders from an earlier run (the local stack keeps its data) it cannot tell
     * those from orders nobody issued; such syncs are then taken and counted
     * ({@link Summary#syncsForUnknownOrders}) instead of refused with 404.
     */
    public HotlineSimulator acceptUnknownOrders(boolean accept) {
        endpoints.acceptUnknownOrders(accept);
        return this;
    }

    /** Orders for {@code POST /sim/orders} (the local stack's demo traffic). */
    public HotlineSimulator orderFactory(OrderFactory factory) {
        endpoints.orderFactory(factory);
        return this;
    }

    /** Off the network: connections are refused until {@link #up()}. What was recorded stays. */
    public void down() {
        HttpServer s = server;
        if (s != null) {
            server = null;
            s.stop(0);
            log.warn("12345 hotline simulator is DOWN");
        }
    }

    public void up() {
        if (server == null) {
            server = listen(port);
            log.warn("12345 hotline simulator is UP again on {}", baseUrl());
        }
    }

    public boolean isUp() {
        return server != null;
    }

    // ---- what the simulator sends ----

    /** Pushes an order to the bridge once (twice under {@link Faults#duplicateDeliveries}). */
    public Delivery pushOrder(WorkOrder order) {
        return calls.pushOrder(order);
    }

    /** Pushes an order until the bridge accepts it, as the real platform's retry queue does. */
    public Delivery pushOrderUntilAccepted(WorkOrder order, int attempts, Duration pause) {
        Delivery last = null;
        for (int i = 0; i < attempts; i++) {
            last = pushOrder(order);
            if (last.accepted()) {
                return last;
            }
            pause(pause);
        }
        return last;
    }

    /** Order numbers this platform gave out some other way (a test's own orders): syncs for them are taken. */
    void issued(String... orderNumbers) {
        recorded.issued(List.of(orderNumbers));
    }

    /** Offers an order to bridges that poll ({@code GET /api/v1/orders}). */
    public void offerForPolling(WorkOrder order) {
        recorded.offer(order);
    }

    /** Posts the hotline's answer to an extension request of an order (延期审核). */
    public Delivery postExtensionDecision(String orderNumber, ExtensionDecision decision) {
        return calls.postExtensionDecision(orderNumber, decision);
    }

    public Delivery postVisit(String orderNumber, ReturnVisit visit) {
        return calls.postVisit(orderNumber, visit);
    }

    /** Orders a polling bridge took count as sent. */
    void polled(int orders) {
        calls.polled(orders);
    }

    // ---- what the simulator recorded ----

    /** The syncs recorded for an order, once each, in the order they arrived. */
    public List<StatusSync> syncsOf(String orderNumber) {
        return recorded.syncsOf(orderNumber);
    }

    /** Escalations received, by report id, with the order number the simulator gave each. */
    public Map<String, String> escalationOrders() {
        return recorded.escalationOrders();
    }

    public List<EscalationReport> escalations() {
        return recorded.escalations();
    }

    /** Syncs delivered again after they were recorded (answered, not recorded twice). */
    public int duplicateSyncs() {
        return recorded.duplicateSyncs();
    }

    /** Requests that broke the contract or arrived out of sequence. A correct bridge leaves this empty. */
    public List<String> violations() {
        return recorded.violations();
    }

    public Summary summary() {
        return recorded.summary(calls.ordersSent(), calls.visitsSent(), calls.extensionDecisionsSent(), isUp(),
                faults.toString());
    }

    /** Injected slowness: waiting is the fault the caller asked for (latency, answers after its timeout). */
    static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        down();
        timers.shutdownNow();
        handlers.shutdownNow();
        calls.close();
    }
}
