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
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every call to the 12345 platform, signed, and passed through Resilience4j in a deliberate order, outermost
 * first: <b>retry</b> (a few quick attempts, exponential backoff with jitter) → <b>circuit breaker</b> (stop
 * calling a hotline that keeps failing; calls refused while open are not retried) → <b>rate limiter</b> (the
 * hotline's quota) → <b>bulkhead</b> (a bounded number of calls at once) → <b>time limiter</b> (each attempt's
 * timeout). No fallback: callers get the failure and decide — the outbox keeps the message for later.
 *
 * <p>Calls go through Spring's {@link RestClient} built from Boot's builder, so each is observed like the
 * services' own requests: {@code http_client_requests} metrics and a span whose {@code traceparent} the hotline
 * receives. The signature is computed by an interceptor over the request exactly as sent (method, raw path and
 * query, body bytes).
 *
 * <p>Failures are sorted for the decorators: {@link HotlineUnavailableException} (may pass: retried, counted by
 * the breaker) and {@link HotlineRejectedException} (the hotline refused the content: neither).
 */
@Component
public class HotlineClient implements DisposableBean {

    public static final String NAME = "hotline";
    private static final Logger log = LoggerFactory.getLogger(HotlineClient.class);

    private final HotlineSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RestClient rest;
    /**
     * Runs each blocking call, so the time limiter can give up on it; the caller's observation goes along, so the
     * HTTP call is part of the caller's trace rather than a trace of its own.
     */
    private final ExecutorService calls = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            ContextSnapshotFactory.builder().build());
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;

    /** What the hotline answered: status and body, whatever the status. */
    private record Answer(int status, byte[] body) {
    }

    HotlineClient(HotlineSettings settings, EventCodec codec, Clock clock, MeterRegistry meters,
                  RestClient.Builder restClients, CircuitBreakerRegistry breakers, RetryRegistry retries,
                  RateLimiterRegistry limiters, BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters) {
        this.settings = settings;
        this.json = codec.mapper();
        this.clock = clock;
        this.meters = meters;
        this.rest = restClients.clone()
                .baseUrl(settings.baseUrl())
                .requestFactory(requestFactory(settings.callTimeout()))
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .requestInterceptor(this::sign)
                .build();
        this.breaker = breakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.limiter = limiters.rateLimiter(NAME);
        this.bulkhead = bulkheads.bulkhead(NAME);
        this.timeLimiter = timeLimiters.timeLimiter(NAME);
        breaker.getEventPublisher().onStateTransition(e ->
                log.warn("12345 circuit breaker {}", e.getStateTransition()));
    }

    private static JdkClientHttpRequestFactory requestFactory(Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        return factory;
    }

    /** 状态同步: one step of an order's handling. */
    public SyncReceipt sendStatus(StatusSync sync) {
        return call("status", HttpMethod.POST, "/api/v1/orders/{orderNumber}/status", sync, SyncReceipt.class,
                sync.orderNumber());
    }

    /** 上报12345派单: the hotline opens a work order for a case the city must handle. */
    public EscalationReceipt escalate(EscalationReport report) {
        return call("escalate", HttpMethod.POST, "/api/v1/escalations", report, EscalationReceipt.class);
    }

    /** Orders after {@code cursor}, oldest first. */
    public OrderPage poll(String cursor, int limit) {
        return cursor == null
                ? call("poll", HttpMethod.GET, "/api/v1/orders?limit={limit}", null, OrderPage.class, limit)
                : call("poll", HttpMethod.GET, "/api/v1/orders?limit={limit}&after={after}", null, OrderPage.class,
                        limit, cursor);
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    private <T> T call(String operation, HttpMethod method, String path, Object body, Class<T> answer,
                       Object... variables) {
        Supplier<T> attempt = () -> once(operation, method, path, body, answer, variables);
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

    /** Signs the request as it goes out, after every variable was expanded and encoded. */
    private ClientHttpResponse sign(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        HotlineSignature.headers(settings.signingSecret(), clock.instant(), request.getMethod().name(),
                target(request.getURI()), body).forEach(request.getHeaders()::set);
        return execution.execute(request, body);
    }

    private <T> T once(String operation, HttpMethod method, String path, Object body, Class<T> answer,
                       Object... variables) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        try {
            Answer response;
            try {
                CompletableFuture<Answer> sent = CompletableFuture.supplyAsync(
                        () -> exchange(method, path, body, variables), calls);
                response = timeLimiter.executeFutureSupplier(() -> sent);
            } catch (TimeoutException e) {
                throw new HotlineUnavailableException(operation + " timed out after " + settings.callTimeout(), e);
            } catch (ExecutionException e) {
                throw new HotlineUnavailableException(operation + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HotlineUnavailableException(operation + " interrupted", e);
            } catch (Exception e) {
                throw new HotlineUnavailableException(operation + " failed: " + e, e);
            }
            int status = response.status();
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
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (status == 408 || status == 429 || status >= 500) {
                throw new HotlineUnavailableException(operation + " answered HTTP " + status + " " + text);
            }
            outcome = "rejected";
            throw new HotlineRejectedException(status, text);
        } finally {
            sample.stop(meters.timer("gridloop.hotline.calls", "operation", operation, "outcome", outcome));
        }
    }

    /** One request; any status is an answer (the caller sorts them), only I/O failures throw. */
    private Answer exchange(HttpMethod method, String path, Object body, Object... variables) {
        RestClient.RequestBodySpec request = rest.method(method).uri(path, variables);
        if (body != null) {
            // The contracts' mapper writes the body, as for every other message of the wire vocabulary.
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                response.getBody().readAllBytes()), true);
    }
}
