package io.gridloop.stats;

import io.gridloop.infra.ReadmeEndpoints;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The README's tables name exactly the operations the service's OpenAPI document describes. */
class ReadmeAgreesWithApiTest extends ServiceIntegrationTest {

    @Test
    void shouldNameEveryOperationTheServiceServesAndNoOther() {
        ReadmeEndpoints.assertReadmeNamesWhatIsServed(http);
    }
}
