package io.gridloop.hotline.client;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.gridloop.hotline.BridgeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline's decorators as configured in hotline-bridge.yml (the test context shortens only the timeout, the
 * breaker's open state and the retry's first wait): a misspelt property would silently leave a default. What the
 * test context shortens is checked in the shipped file itself.
 */
class ResilienceWiringTest extends BridgeTest {

    @Autowired
    RetryRegistry retries;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    RateLimiterRegistry limiters;
    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Test
    void shouldRetryOnlyUnavailabilityWithGrowingJitteredWaits() {
        RetryConfig config = retries.retry(HotlineClient.NAME).getRetryConfig();

        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(config.getExceptionPredicate().test(new HotlineUnavailableException("503"))).isTrue();
        assertThat(config.getExceptionPredicate().test(new HotlineRejectedException(422, "no"))).isFalse();
        Set<Long> firstWaits = new HashSet<>();
        IntStream.range(0, 50).forEach(i -> firstWaits.add(wait(config, 1)));
        assertThat(firstWaits).as("jitter").hasSizeGreaterThan(5);
        double first = IntStream.range(0, 400).mapToLong(i -> wait(config, 1)).average().orElseThrow();
        double second = IntStream.range(0, 400).mapToLong(i -> wait(config, 2)).average().orElseThrow();
        assertThat(second / first).as("exponential").isBetween(1.6, 2.4);
    }

    private static long wait(RetryConfig config, int attempt) {
        return config.<Object>getIntervalBiFunction().apply(attempt, Either.left(new HotlineUnavailableException("x")));
    }

    @Test
    void shouldOpenTheBreakerOnUnavailabilityOnlyAndLimitRateAndConcurrency() {
        CircuitBreakerConfig breaker = breakers.circuitBreaker(HotlineClient.NAME).getCircuitBreakerConfig();
        assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
        assertThat(breaker.getRecordExceptionPredicate().test(new HotlineUnavailableException("x"))).isTrue();
        assertThat(breaker.getRecordExceptionPredicate().test(new HotlineRejectedException(400, "x"))).isFalse();

        assertThat(limiters.rateLimiter(HotlineClient.NAME).getRateLimiterConfig().getLimitForPeriod()).isEqualTo(50);
        assertThat(bulkheads.bulkhead(HotlineClient.NAME).getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(4);
        assertThat(timeLimiters.timeLimiter(HotlineClient.NAME).getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(1));
    }

    /** The values the test context shortens, as production runs them, bound from the shipped file alone. */
    @Test
    void shouldShipTheProductionValuesTheTestContextShortens() throws Exception {
        List<PropertySource<?>> file = new YamlPropertySourceLoader().load("hotline-bridge.yml",
                new ClassPathResource("hotline-bridge.yml"));
        Binder shipped = new Binder(ConfigurationPropertySources.from(file));
        String prefix = "resilience4j.";
        Duration timeout = shipped.bind(prefix + "timelimiter.instances.hotline.timeout-duration", Duration.class).get();
        assertThat(timeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(shipped.bind(prefix + "circuitbreaker.instances.hotline.wait-duration-in-open-state",
                Duration.class).get()).isEqualTo(Duration.ofSeconds(10));
        assertThat(shipped.bind(prefix + "circuitbreaker.instances.hotline.minimum-number-of-calls",
                Integer.class).get()).isEqualTo(10);
        assertThat(shipped.bind(prefix + "retry.instances.hotline.wait-duration", Duration.class).get())
                .isEqualTo(Duration.ofMillis(200));
        // A call is slow before it times out, and the HTTP client gives up no later than the time limiter.
        assertThat(shipped.bind(prefix + "circuitbreaker.instances.hotline.slow-call-duration-threshold",
                Duration.class).get()).isLessThan(timeout);
        assertThat(shipped.bind("gridloop.hotline.call-timeout", Duration.class).get()).isLessThanOrEqualTo(timeout);
    }
}
