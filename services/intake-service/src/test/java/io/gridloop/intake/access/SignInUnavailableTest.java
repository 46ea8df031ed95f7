package io.gridloop.intake.access;

import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.FreePort;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.intake.report.ReportApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

/**
 * With the realm's keys out of reach a token cannot be checked: the caller hears "try again shortly" (503 with
 * Retry-After), not "sign in again" (401) and not a bare 500 — and nothing is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=gridloop_intake_no_jwks")
class SignInUnavailableTest {

    @DynamicPropertySource
    static void realmAway(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = EmbeddedInfra.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mongodb.uri", infra::mongoUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> infra.tokens().issuerUri());
        // A port nothing listens on: the JWKS cannot be fetched.
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + FreePort.next() + "/realms/gridloop/protocol/openid-connect/certs");
    }

    @LocalServerPort
    int port;

    @Test
    void shouldAnswer503WithRetryAfterWhenTheRealmsKeysCannotBeFetched() {
        String token = EmbeddedInfra.shared().tokens().mint(
                Identity.of("gw-nojwks", List.of("GRID_WORKER"), "150105001001003"));
        ServiceIntegrationTest.bearer("http://localhost:" + port, token).post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), "gw-nojwks", "150105001001003")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SIGN_IN_UNAVAILABLE");
    }
}
