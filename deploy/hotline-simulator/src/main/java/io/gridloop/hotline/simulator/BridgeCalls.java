package io.gridloop.hotline.simulator;

import io.gridloop.contracts.hotline.ExtensionDecision;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.contracts.hotline.ReturnVisit;
import io.gridloop.contracts.hotline.WorkOrder;
import io.gridloop.hotline.simulator.HotlineSimulator.Delivery;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls the simulated platform makes to the bridge, signed as the real one signs them: orders pushed (派单),
 * return visits (回访), extension decisions (延期审核) — each sent twice when {@link Faults#duplicateDeliveries}.
 */
final class BridgeCalls implements AutoCloseable {

    private final byte[] secret;
    private final Clock clock;
    private final JsonMapper json;
    private final Faults faults;
    private final Recorded recorded;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger ordersSent = new AtomicInteger();
    private final AtomicInteger visitsSent = new AtomicInteger();
    private final AtomicInteger extensionDecisionsSent = new AtomicInteger();
    private volatile String bridgeUrl;

    BridgeCalls(byte[] secret, Clock clock, JsonMapper json, Faults faults, Recorded recorded) {
        this.secret = secret.clone();
        this.clock = clock;
        this.json = json;
        this.faults = faults;
        this.recorded = recorded;
    }

    void bridgeUrl(String url) {
        this.bridgeUrl = url;
    }

    boolean knowsBridge() {
        return bridgeUrl != null;
    }

    Delivery pushOrder(WorkOrder order) {
        ordersSent.incrementAndGet();
        recorded.issued(List.of(order.orderNumber()));
        return sendMaybeTwice("/api/v1/hotline/orders", order);
    }

    Delivery postExtensionDecision(String orderNumber, ExtensionDecision decision) {
        extensionDecisionsSent.incrementAndGet();
        return sendMaybeTwice("/api/v1/hotline/orders/" + orderNumber + "/extension-decisions", decision);
    }

    Delivery postVisit(String orderNumber, ReturnVisit visit) {
        visitsSent.incrementAndGet();
        return sendMaybeTwice("/api/v1/hotline/orders/" + orderNumber + "/visits", visit);
    }

    /** Orders the bridge took by polling count as sent too. */
    void polled(int orders) {
        ordersSent.addAndGet(orders);
    }

    int ordersSent() {
        return ordersSent.get();
    }

    int visitsSent() {
        return visitsSent.get();
    }

    int extensionDecisionsSent() {
        return extensionDecisionsSent.get();
    }

    private Delivery sendMaybeTwice(String path, Object body) {
        Delivery first = send(path, body);
        if (faults.duplicateDeliveries()) {
            send(path, body);
        }
        return first;
    }

    private Delivery send(String path, Object body) {
        String target = bridgeUrl;
        if (target == null) {
            throw new IllegalStateException("no bridge URL set");
        }
        byte[] bytes = json.writeValueAsBytes(body);
        URI uri = URI.create(target + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        HotlineSignature.headers(secret, clock.instant(), "POST",
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), bytes)
                .forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Delivery(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(0, "interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
