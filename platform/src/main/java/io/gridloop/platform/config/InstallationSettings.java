package io.gridloop.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every service of one installation shares ({@code gridloop.*}).
 *
 * @param installationArea the area this installation serves, an area-code prefix ({@code 1501} a city, {@code 15}
 *                         a province, {@code CN} everything): settings that hold for all of it — the holiday
 *                         calendar, routing rules without an area, assessment rules, a statistics rebuild — are
 *                         changed only by administrators whose areas cover it
 * @param version          the release shown in each service's OpenAPI document
 */
@ConfigurationProperties("gridloop")
public record InstallationSettings(String installationArea, String version) {

    public InstallationSettings {
        if (installationArea == null || installationArea.isBlank()) {
            throw new IllegalStateException("gridloop.installation-area (GRIDLOOP_INSTALLATION_AREA) is not set: "
                    + "name the area this installation serves (未配置本系统服务的行政区划)");
        }
        installationArea = installationArea.strip();
        version = version == null || version.isBlank() ? "0.1.0" : version;
    }
}
