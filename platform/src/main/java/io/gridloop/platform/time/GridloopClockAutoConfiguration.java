package io.gridloop.platform.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/**
 * One injectable clock, so tests can move time instead of waiting for it. It ticks in milliseconds because
 * that is what MongoDB stores: a time read back equals the time written, in events and documents alike.
 */
@AutoConfiguration
public class GridloopClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
