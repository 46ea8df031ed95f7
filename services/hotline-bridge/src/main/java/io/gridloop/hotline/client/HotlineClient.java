package io.gridloop.hotline.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.hotline.EscalationReceipt;
import io.gridloop.contracts.hotline.EscalationReport;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.contracts.hotline.OrderPage;
import io.gridloop.contracts.hotline.StatusSync;
import io.gridloop.contracts.hotline.SyncReceipt;
import io.gridloop.hotline.HotlineSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every call to the 12345 platform, signed, and passed through Resilience4j in a deliberate order, outermost
 * first: <b>retry</b> (a few quick attempts, exponential backoff with jitter) → <b>circuit breaker</b> (stop
 * calling a hotline that keeps failing; calls refused while open are not retried) → <b>rate limiter</b> (the
 * hotline's quota) → <b>bulkhead</b> (a bounded number of calls at once) → <b>time limiter</b> (each attempt's
 * timeout). No fallback: callers get the failure and decide — the outbox keeps the message for later.
 *
 * <p>Failures are sorted for the decorators: {@link HotlineUnavailableException} (may pass: retried, counted by
 * the breaker) and {@link HotlineRejectedException} (the hotline refused the content: neither).
 */
@Component
public class HotlineClient {

    public static final String NAME = "hotline";
    private static final Logger log = LoggerFactory.getLogger(HotlineClient.class);

    private final HotlineSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;

    HotlineClient(HotlineSettings settings, EventCodec codec, Clock clock, MeterRegistry meters,
                  CircuitBreakerRegistry breakers, RetryRegistry retries, RateLimiterRegistry limiters,
                  BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters) {
        this.settings = settings;
        this.json = codec.mapper();
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.callTimeout()).build();
        this.breaker = breakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.limiter = limiters.rateLimiter(NAME);
        this.bulkhead = bulkheads.bulkhead(NAME);
        this.timeLimiter = timeLimiters.timeLimiter(NAME);
        breaker.getEventPublisher().onStateTransition(e ->
                log.warn("12345 circuit breaker {}", e.getStateTransition()));
    }

    /** 状态同步: one step of an order's handling. */
    public SyncReceipt sendStatus(StatusSync sync) {
        return call("status", "POST", "/api/v1/orders/" + encode(sync.orderNumber()) + "/status", sync,
                SyncReceipt.class);
    }

    /** 上报12345派单: the hotline opens a work order for a case the city must handle. */
    public EscalationReceipt escalate(EscalationReport report) {
        return call("escalate", "POST", "/api/v1/escalations", report, EscalationReceipt.class);
    }

    /** Orders after {@code cursor}, oldest first. */
    public OrderPage poll(String cursor, int limit) {
        String query = "?limit=" + limit + (cursor == null ? "" : "&after=" + encode(cursor));
        return call("poll", "GET", "/api/v1/orders" + query, null, OrderPage.class);
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private <T> T call(String operation, String method, String path, Object body, Class<T> answer) {
        Supplier<T> attempt = () -> once(operation, method, path, body, answer);
        Supplier<T> decorated = Bulkhead.decorateSupplier(bulkhead, attempt);
        decorated = RateLimiter.decorateSupplier(limiter, decorated);
        decorated = CircuitBreaker.decorateSupplier(breaker, decorated);
        decorated = Retry.decorateSupplier(retry, decorated);
        return decorated.get();
    }

    /** The request target as signed: the raw path and query of the request. */
    static String target(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private <T> T once(String operation, String method, String path, Object body, Class<T> answer) {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        URI uri = URI.create(settings.baseUrl() + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.callTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HotlineSignature.headers(settings.signingSecret(), clock.instant(), method, target(uri), bytes)
                .forEach(builder::header);
        HttpRequest request = builder.build();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        try {
            HttpResponse<byte[]> response;
            try {
                CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request,
                        HttpResponse.BodyHandlers.ofByteArray());
                response = timeLimiter.executeFutureSupplier(() -> sent);
            } catch (TimeoutException e) {
                throw new HotlineUnavailableException(operation + " timed out after " + settings.callTimeout(), e);
            } catch (ExecutionException e) {
                throw new HotlineUnavailableException(operation + " failed: " + e.getCause(), e.getCause());
            } catch (IOException e) {
                throw new HotlineUnavailableException(operation + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HotlineUnavailableException(operation + " interrupted", e);
            } catch (Exception e) {
                throw new HotlineUnavailableException(operation + " failed: " + e, e);
            }
            int status = response.statusCode();
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (status >= 200 && status < 300) {
                outcome = "ok";
                try {
                    return json.readValue(response.body(), answer);
                } catch (JacksonException e) {
                    outcome = "unreadable";
                    throw new HotlineUnavailableException(operation + " answered " + status
                            + " with a body we cannot read: " + e.getOriginalMessage(), e);
                }
            }
            if (status == 408 || status == 429 || status >= 500) {
                throw new HotlineUnavailableException(operation + " answered HTTP " + status + " " + text);
            }
            outcome = "rejected";
            throw new HotlineRejectedException(status, text);
        } finally {
            sample.stop(meters.timer("gridloop.hotline.calls", "operation", operation, "outcome", outcome));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
