package io.gridloop.hotline;

import io.gridloop.infra.ReadmeEndpoints;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's tables name exactly the operations the service's OpenAPI document describes. */
class ReadmeAgreesWithApiTest extends ServiceIntegrationTest {

    @Test
    void shouldNameEveryOperationTheServiceServesAndNoOther() {
        String api = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();

        assertThat(ReadmeEndpoints.inReadme(Path.of("README.md")))
                .as("operations README.md names (left) against the OpenAPI document (right)")
                .containsExactlyElementsOf(ReadmeEndpoints.inOpenApi(api));
    }
}
