package io.gridloop.intake.duplicate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When a report is a likely duplicate (疑似重复): same sub-category, within {@code radiusMetres} of an open report
 * made within {@code window}.
 *
 * @param radiusMetres how close to an open report of the same sub-category a new one must lie (50 m, 1–5,000)
 * @param window       how recent that report must be (24 h)
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
