package io.gridloop.dispatch.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reopenOnUnsatisfied a citizen not satisfied (不满意) at the 12345 return visit re-opens the closed case,
 *                            back to the unit that closed it (default on)
 */
@ConfigurationProperties("gridloop.dispatch")
public record VisitSettings(Boolean reopenOnUnsatisfied) {

    public VisitSettings {
        reopenOnUnsatisfied = reopenOnUnsatisfied == null || reopenOnUnsatisfied;
    }
}
