package io.gridloop.dispatch.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param reloadInterval how often each instance picks up calendar years added through another
 *                       ({@code PUT /api/v1/admin/calendars/{year}})
 */
@ConfigurationProperties("gridloop.dispatch.calendar")
public record CalendarSettings(Duration reloadInterval) {

    public CalendarSettings {
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(60) : reloadInterval;
    }
}
