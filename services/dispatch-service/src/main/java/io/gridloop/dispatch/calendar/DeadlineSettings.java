package io.gridloop.dispatch.calendar;

import io.gridloop.contracts.event.Complexity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * The configurable numbers of the "1-3-5" rule. How complex a case is comes with its sub-category
 * (the catalogue in contracts).
 *
 * @param acceptWithin           working days to accept and verify (1)
 * @param closeWithin            working days to close, per complexity (3 / 3 / 5)
 * @param warnShare              share of the time after which to warn (0.75)
 */
@ConfigurationProperties("gridloop.dispatch.deadlines")
public record DeadlineSettings(Integer acceptWithin, Map<Complexity, Integer> closeWithin, Double warnShare) {

    public DeadlineSettings {
        acceptWithin = acceptWithin == null ? 1 : acceptWithin;
        Map<Complexity, Integer> close = new EnumMap<>(Map.of(
                Complexity.SIMPLE, 3, Complexity.GENERAL, 3, Complexity.COMPLEX, 5));
        if (closeWithin != null) {
            close.putAll(closeWithin);
        }
        closeWithin = Map.copyOf(close);
        warnShare = warnShare == null ? 0.75 : warnShare;
    }
}
