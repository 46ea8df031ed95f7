package io.gridloop.intake.api;

import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class OpenApiTest extends ServiceIntegrationTest {

    @Test
    void shouldDescribeTheReportApiInAnOpenApiDocument() {
        // Public, like the page that shows it: it describes the API, not its data.
        anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("gridloop intake-service")
                .jsonPath("$.paths['/api/v1/events'].post").exists()
                .jsonPath("$.paths['/api/v1/events/{eventId}/not-fixed'].post").exists()
                .jsonPath("$.paths['/api/v1/admin/grid-registry'].post").exists()
                .jsonPath("$.components.schemas.ReportRequest.properties.subCategory").exists()
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer-jwt").exists();
    }

    @Test
    void shouldServeSwaggerUi() {
        anonymous.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
