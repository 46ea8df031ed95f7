package io.gridloop.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo set-up an administrator would do by hand once the services are up (units' staff, the grids' outlines):
 * each a call of the API with the administrator's token, tried again every two seconds until the service takes it
 * — a scheduled retry, so no thread waits — for at most two minutes.
 */
final class DemoSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    private static final int ATTEMPTS = 60;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A call to make: its method, address, content type and body. */
    record Call(String method, String url, String contentType, byte[] body) {
    }

    /** Makes every call of {@code calls} (by name) until each has been answered 200. */
    static void inBackground(String what, String adminToken, Map<String, Call> calls) {
        Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(calls.keySet());
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-" + what);
            t.setDaemon(true);
            return t;
        });
        AtomicInteger attempts = new AtomicInteger();
        retries.scheduleWithFixedDelay(() -> {
            waiting.removeIf(name -> done(calls.get(name), adminToken, name));
            if (waiting.isEmpty() || attempts.incrementAndGet() >= ATTEMPTS) {
                log.info("Demo {} done for {}{}", what, calls.keySet(),
                        waiting.isEmpty() ? "" : "; not for " + waiting + " (the service never took it)");
                retries.shutdown();
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    private static boolean done(Call call, String adminToken, String name) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(call.url()))
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", call.contentType())
                            .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            log.debug("Demo set-up of {} not done yet: {}", name, e.toString());
            return false;
        }
    }

    private DemoSetup() {
    }
}
