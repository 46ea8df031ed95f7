package io.gridloop.intake.hotline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hotlineCategories the city's mapping of 12345 categories onto gridloop's sub-categories (a resource such
 *                          as {@code file:/etc/gridloop/hotline-categories.json}; default: the one shipped)
 */
@ConfigurationProperties("gridloop.intake")
public record HotlineCategorySettings(String hotlineCategories) {

    public HotlineCategorySettings {
        hotlineCategories = hotlineCategories == null || hotlineCategories.isBlank()
                ? "classpath:hotline/categories.json" : hotlineCategories.strip();
    }
}
