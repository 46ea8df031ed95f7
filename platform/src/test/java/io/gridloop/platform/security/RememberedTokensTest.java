package io.gridloop.platform.security;

import io.gridloop.platform.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private final MovingClock clock = new MovingClock(NOW);
    /** Accepts tokens named "good-…" valid for five minutes from now; refuses the rest, as a decoder would. */
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        if (!token.startsWith("good") || !clock.instant().isBefore(NOW.plusSeconds(300))) {
            throw new BadJwtException("refused: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("gw-saihan-01")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).build();
    };
    private final RememberedTokens tokens = new RememberedTokens(decoder, clock);

    @Test
    void shouldCheckATokenOnceAndAnswerItsRepeatsFromMemory() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(tokens.decode("good-2").getTokenValue()).isEqualTo("good-2");
        assertThat(checked).containsExactly("good-1", "good-2");
    }

    @Test
    void shouldRefuseARememberedTokenOnceItHasExpiredAndNeverRememberARefusedOne() {
        tokens.decode("good-1");
        clock.set(NOW.plusSeconds(300));
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(BadJwtException.class);

        clock.set(NOW);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("good-1", "good-1", "forged", "forged");
    }
}
