package io.gridloop.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).subject("3f1c");
        claims.forEach(b::claim);
        return b.build();
    }

    @Test
    void shouldReadKeycloaksClaimsAndIgnoreRolesGridloopDoesNotKnow() {
        Caller c = Caller.of(jwt(Map.of("preferred_username", "handler-saihan-water", "name", "赛罕区水务局",
                "realm_access", Map.of("roles", List.of("HANDLER", "offline_access", "uma_authorization")),
                "area", List.of("150105"), "unit", "150105-WATER", "azp", "gridloop-web")));

        assertThat(c.id()).isEqualTo("handler-saihan-water");
        assertThat(c.name()).isEqualTo("赛罕区水务局");
        assertThat(c.roles()).containsExactly(Role.HANDLER);
        assertThat(c.areas()).containsExactly("150105");
        assertThat(c.handles("150105-WATER")).isTrue();
        assertThat(c.handles("150105-GAS")).isFalse();
        assertThat(c.client()).isEqualTo("gridloop-web");
    }

    @Test
    void shouldFallBackToTheSubjectAndTakeASingleAreaAsAString() {
        Caller c = Caller.of(jwt(Map.of("roles", List.of("SUPERVISOR"), "area", "1501")));

        assertThat(c.id()).isEqualTo("3f1c");
        assertThat(c.name()).isEqualTo("3f1c");
        assertThat(c.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(c.areas()).containsExactly("1501");
        assertThat(c.handles("1501")).as("not a handler").isFalse();
    }

    @Test
    void shouldCoverOnlyAreasInsideItsOwn() {
        Caller saihan = new Caller("sv", "sv", Set.of(Role.SUPERVISOR), List.of("150105"), null, null, null);

        assertThat(saihan.covers("150105")).isTrue();
        assertThat(saihan.covers("150105001001003")).isTrue();
        assertThat(saihan.covers("150102")).isFalse();
        assertThat(saihan.covers("1501")).as("the city around it").isFalse();
        assertThat(saihan.covers(null)).isFalse();
        assertThat(saihan.overlaps("1501")).as("the city holds its district").isTrue();
        assertThat(saihan.overlaps("150102")).isFalse();
        assertThat(saihan.can(Role.SUPERVISOR, "150105001")).isTrue();
        assertThat(saihan.can(Role.OPERATOR, "150105001")).isFalse();
    }

    @Test
    void shouldCoverEverythingOnlyWithTheWholeCountryAndNothingWithoutAreas() {
        Caller national = new Caller("n", "n", Set.of(Role.ADMIN), List.of(Caller.WHOLE_COUNTRY), null, null, null);
        Caller nowhere = new Caller("x", "x", Set.of(Role.ADMIN), List.of(), null, null, null);

        assertThat(national.covers("650102")).isTrue();
        assertThat(national.covers(null)).isTrue();
        assertThat(nowhere.covers("150105")).isFalse();
        assertThat(nowhere.overlaps("150105")).isFalse();
    }
}
