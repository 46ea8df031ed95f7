package io.gridloop.dispatch.access;

import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's page (served by metrics-service) acts on cases from the browser: its origin may call the API
 * with its token (CORS, {@code gridloop.web.cors.origins}); a page of any other origin may not.
 */
class BrowserOriginsTest extends ServiceIntegrationTest {

    @Test
    void shouldLetTheWorkbenchsOriginActOnCasesAndNoOtherOrigin() {
        http.method(HttpMethod.OPTIONS).uri("/api/v1/cases/some-case/actions/route")
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8080")
                .expectHeader().value("Access-Control-Allow-Methods", m -> assertThat(m).contains("POST"));

        http.method(HttpMethod.OPTIONS).uri("/api/v1/cases/some-case/actions/route")
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
