package io.gridloop.intake.access;

import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.DevTokenIssuer;
import io.gridloop.infra.auth.Identity;
import io.gridloop.intake.report.ReportApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Only a live token signed by the realm's key gets in; every other one is told why, as problem+json. */
class TokenTest extends ServiceIntegrationTest {

    private static final Identity WORKER = Identity.of("gw-token", List.of("GRID_WORKER"), "150105001001003");

    private RestTestClient.ResponseSpec report(RestTestClient client) {
        return client.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(ReportApiTest.report(UUID.randomUUID().toString(), "gw-token", "150105001001003")).exchange();
    }

    private void refused(RestTestClient client, String code) {
        report(client).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void shouldTakeALiveTokenOfTheRealm() {
        report(as(WORKER)).expectStatus().isAccepted();
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        // Beyond the minute of clock skew resource servers allow.
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        refused(withToken(EmbeddedInfra.shared().tokens().mint(WORKER, issued, issued.plus(Duration.ofMinutes(30)))),
                "TOKEN_EXPIRED");
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        DevTokenIssuer forger = DevTokenIssuer.forgerOf(EmbeddedInfra.shared().tokens());
        refused(withToken(forger.mint(WORKER)), "TOKEN_INVALID");
    }

    @Test
    void shouldRefuseATokenWhoseClaimsWereChangedAfterSigning() {
        String[] parts = EmbeddedInfra.shared().tokens().mint(WORKER).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"150105001001003\"", "\"CN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(withToken(tampered), "TOKEN_INVALID");
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = EmbeddedInfra.shared().tokens().mint(WORKER).split("\\.")[1];
        refused(withToken(header + "." + claims + "."), "TOKEN_INVALID");
    }

    @Test
    void shouldRefuseGarbageAndNoTokenAtAll() {
        refused(withToken("not-a-jwt"), "TOKEN_INVALID");
        refused(anonymous, "UNAUTHENTICATED");
    }

    /**
     * A token is for the services its application was set up for (its {@code aud}): a statistics app's token of a
     * person who may report is still no key to intake, and the metrics scraper's works only for reading metrics.
     */
    @Test
    void shouldRefuseATokenIssuedForAnotherService() {
        refused(withToken(EmbeddedInfra.shared().tokens().mintFor(WORKER, List.of("stats-service", "metrics-service"))),
                "TOKEN_WRONG_AUDIENCE");
        report(as(WORKER.through("gridloop-app"))).expectStatus().isAccepted();
        String scraped = as(Identity.of("prometheus", List.of("MONITOR"), "1501").through("prometheus")).get()
                .uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        // The Kafka client's own metrics are there too: the consumer-lag alert (deploy/prometheus) reads them.
        org.assertj.core.api.Assertions.assertThat(scraped).contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void shouldRefuseAValidTokenWithoutARoleForTheEndpoint() {
        report(as(Identity.of("nobody", List.of(), "150105"))).expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }
}
