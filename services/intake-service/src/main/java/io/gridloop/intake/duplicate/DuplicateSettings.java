package io.gridloop.intake.duplicate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When a report is a likely duplicate (疑似重复): same sub-category, within {@code radiusMetres} of an open report
 * made within {@code window}.
 */
@ConfigurationProperties("gridloop.intake.duplicates")
public record DuplicateSettings(Integer radiusMetres, Duration window) {

    public DuplicateSettings {
        radiusMetres = radiusMetres == null ? 50 : radiusMetres;
        window = window == null ? Duration.ofHours(24) : window;
        if (radiusMetres < 1 || radiusMetres > 5_000) {
            throw new IllegalArgumentException("duplicate radius must lie between 1 and 5000 m, was " + radiusMetres);
        }
    }
}
