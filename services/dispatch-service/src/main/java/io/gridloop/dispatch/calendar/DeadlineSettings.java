package io.gridloop.dispatch.calendar;

import io.gridloop.dispatch.deadline.DeadlinePolicy;
import io.gridloop.contracts.event.Complexity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The configurable numbers of the "1-3-5" rule. How complex a case is comes with its sub-category
 * (the catalogue in contracts).
 *
 * @param acceptWithin           working days to accept and verify ({@link DeadlinePolicy#ACCEPT_WITHIN} unless set)
 * @param closeWithin            working days to close, per complexity ({@link DeadlinePolicy#CLOSE_WITHIN} for any
 *                               not set)
 * @param warnShare              share of the time after which to warn ({@link DeadlinePolicy#WARN_SHARE} unless set)
 * @param scanInterval           how often the deadline watch looks for warnings (预警) and overdue cases (督办)
 * @param scanInitialDelay       its first look after start
 */
@ConfigurationProperties("gridloop.dispatch.deadlines")
public record DeadlineSettings(Integer acceptWithin, Map<Complexity, Integer> closeWithin, Double warnShare,
                               Duration scanInterval, Duration scanInitialDelay) {

    public DeadlineSettings {
        acceptWithin = acceptWithin == null ? DeadlinePolicy.ACCEPT_WITHIN : acceptWithin;
        Map<Complexity, Integer> close = new EnumMap<>(DeadlinePolicy.CLOSE_WITHIN);
        if (closeWithin != null) {
            close.putAll(closeWithin);
        }
        closeWithin = Map.copyOf(close);
        warnShare = warnShare == null ? DeadlinePolicy.WARN_SHARE : warnShare;
        scanInterval = scanInterval == null ? Duration.ofSeconds(30) : scanInterval;
        scanInitialDelay = scanInitialDelay == null ? Duration.ofSeconds(5) : scanInitialDelay;
    }
}
