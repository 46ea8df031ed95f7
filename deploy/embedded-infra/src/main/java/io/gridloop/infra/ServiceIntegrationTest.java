package io.gridloop.infra;

import io.gridloop.infra.auth.Identity;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

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

    /**
     * Whom {@link #http} signs in as unless a test says otherwise: a dispatch-centre operator, supervisor,
     * administrator and reporting channel (of patrol, photo, residents' platform and camera reports) for the whole
     * country. Tests about who may do what use {@link #as}.
     */
    public static final Identity TESTER = Identity.of("tester",
            List.of("OPERATOR", "SUPERVISOR", "ADMIN", "REPORTER_APP", "MONITOR"), "CN")
            .withChannels("GRID_PATROL", "CITIZEN_PHOTO", "RESIDENT_PLATFORM", "AI_CAMERA");

    /** The service's own HTTP API, signed in as {@link #TESTER}. */
    protected RestTestClient http;

    /** The HTTP API without a token. */
    protected RestTestClient anonymous;

    protected final String bootstrap = EmbeddedInfra.shared().bootstrapServers();

    @BeforeEach
    void httpClient() {
        http = as(TESTER);
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** The service's HTTP API, signed in as {@code who}. */
    protected RestTestClient as(Identity who) {
        return withToken(EmbeddedInfra.shared().tokens().mint(who));
    }

    /** The service's HTTP API, presenting {@code token} whatever it is. */
    protected RestTestClient withToken(String token) {
        return bearer("http://localhost:" + port, token);
    }

    /** A client of the API at {@code baseUrl} that presents {@code token}. */
    public static RestTestClient bearer(String baseUrl, String token) {
        return RestTestClient.bindToServer().baseUrl(baseUrl).defaultHeader("Authorization", "Bearer " + token)
                .build();
    }
}
