package io.gridloop.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds the settings every service shares, so any of them can ask for {@link InstallationSettings}. */
@AutoConfiguration
@EnableConfigurationProperties(InstallationSettings.class)
public class GridloopConfigAutoConfiguration {
}
