package io.gridloop.infra;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of a service's integration tests: the whole service on a free port, against the shared embedded broker
 * and database. Tests extending it share one Spring context per module, so only one set of listeners consumes;
 * they keep apart by the ids and district codes they create.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
public abstract class ServiceIntegrationTest {

    @LocalServerPort
    protected int port;

    /** The service's own HTTP API. */
    protected RestTestClient http;

    protected final String bootstrap = EmbeddedInfra.shared().bootstrapServers();

    @BeforeEach
    void httpClient() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
