package io.gridloop.metrics.workbench;

import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's page is served from the jar, with what it needs to sign in and where each service is. */
class WorkbenchPageTest extends ServiceIntegrationTest {

    @Test
    void shouldServeThePageItsScriptsAndASecurityPolicyNamingOnlyGridloopsServices() {
        http.get().uri("/workbench").exchange().expectStatus().isFound()
                .expectHeader().value("Location", l -> assertThat(l).endsWith("/workbench/"));
        String page = http.get().uri("/workbench/").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self';", "frame-ancestors 'none'", "img-src 'self' data: blob:")
                        .contains("http://localhost:8082", "http://localhost:8081")
                        .doesNotContain("unsafe-eval"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("网格化服务管理工作台").contains("id=\"app\"").doesNotContain("https://");
        // Every script the page names is in the jar: nothing comes from a CDN.
        Matcher scripts = Pattern.compile("src=\"(/workbench/assets/[^\"]+\\.js)\"").matcher(page);
        assertThat(scripts.find()).as("the page's module script").isTrue();
        do {
            http.get().uri(scripts.group(1)).exchange().expectStatus().isOk();
        } while (scripts.find());
    }

    /** The service's root (the old dashboard's bookmarks) opens the workbench: supervisors land on its dashboard. */
    @Test
    void shouldLeadTheRootToTheWorkbench() {
        http.get().uri("/").exchange().expectStatus().isFound()
                .expectHeader().value("Location", l -> assertThat(l).endsWith("/workbench/"));
    }

    @Test
    void shouldTellThePageWhereToSignInAndWhereEachServiceIs() {
        http.get().uri("/api/v1/web/config").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clientId").isEqualTo("gridloop-web")
                .jsonPath("$.issuerUri").value(i -> assertThat((String) i).contains("/realms/"))
                .jsonPath("$.services.dispatch").isEqualTo("http://localhost:8082")
                .jsonPath("$.services.intake").isEqualTo("http://localhost:8081")
                .jsonPath("$.services.stats").isEqualTo("http://localhost:8084")
                .jsonPath("$.services.hotline").isEqualTo("http://localhost:8083")
                // No tile server unless the installation names one: the map draws the registry's outlines alone.
                .jsonPath("$.mapTiles").isEqualTo("");
    }
}
