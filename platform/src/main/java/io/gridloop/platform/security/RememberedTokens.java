package io.gridloop.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token decoder that checks each token's signature and claims once, then answers from memory until the token
 * expires: a grid worker's app or an operator's workbench sends the same token with every call for its whole
 * lifetime, and checking an RS256 signature is the largest part of what a small request costs. A token is
 * remembered by its exact text, so nothing about it can differ; an expired one goes back to the decoder, which
 * refuses it as before.
 */
final class RememberedTokens implements JwtDecoder {

    /** Tokens of a few thousand people signed in at once; beyond that, the oldest are checked again. */
    static final int CAPACITY = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> checked = new ConcurrentHashMap<>();

    RememberedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.get(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (checked.size() >= CAPACITY) {
                checked.values().removeIf(t -> !now.isBefore(t.getExpiresAt()));
                if (checked.size() >= CAPACITY) {
                    checked.clear();
                }
            }
            checked.put(token, jwt);
        }
        return jwt;
    }
}
