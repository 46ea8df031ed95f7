package io.gridloop.metrics;

import io.gridloop.infra.ReadmeEndpoints;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The README's tables name exactly the operations the service's OpenAPI document describes. */
class ReadmeAgreesWithApiTest extends ServiceIntegrationTest {

    @Test
    void shouldNameEveryOperationTheServiceServesAndNoOther() {
        // The workbench's page and the way to it are pages, not API: the OpenAPI document leaves them out.
        ReadmeEndpoints.assertReadmeNamesWhatIsServed(http, "GET /", "GET /workbench/");
    }
}
