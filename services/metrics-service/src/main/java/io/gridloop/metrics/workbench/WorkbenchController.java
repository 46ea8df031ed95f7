package io.gridloop.metrics.workbench;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * The workbench (工作台): a single page built from {@code services/web} (in the jar under
 * {@code META-INF/resources/workbench/}), served at {@code /workbench/}, and what it needs before anyone signs in.
 */
@RestController
class WorkbenchController {

    private final WorkbenchSettings settings;

    WorkbenchController(WorkbenchSettings settings) {
        this.settings = settings;
    }

    /**
     * @param services each service's API address, by the name the page uses
     * @param mapTiles the installation's map tiles (an XYZ template), or empty for outlines alone
     */
    record WebConfig(String issuerUri, String clientId, Map<String, String> services, String mapTiles) {
    }

    @GetMapping("/api/v1/web/config")
    WebConfig config() {
        return new WebConfig(settings.issuerUri(), settings.clientId(), Map.of(
                "intake", settings.intakeUrl(), "dispatch", settings.dispatchUrl(), "stats", settings.statsUrl(),
                "hotline", settings.hotlineUrl()), settings.mapTiles());
    }

    /**
     * {@code /workbench} and {@code /workbench/} open the page; its own routes live after the {@code #}. The
     * service's root (where the dashboard's old bookmarks point) opens it too: each person lands on their own first
     * page, supervisors on the dashboard.
     */
    @Configuration(proxyBeanMethods = false)
    static class Page implements WebMvcConfigurer {

        @Override
        public void addViewControllers(ViewControllerRegistry registry) {
            registry.addRedirectViewController("/", "/workbench/");
            registry.addRedirectViewController("/workbench", "/workbench/");
            registry.addViewController("/workbench/").setViewName("forward:/workbench/index.html");
        }
    }
}
