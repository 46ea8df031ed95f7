package io.gridloop.infra.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The development issuer's sign-ins from browsers: authorization codes waiting to be redeemed (once, within a
 * minute, by the client and redirect address they were issued for, with the PKCE verifier of their challenge)
 * and sessions held by refresh tokens (each renewal hands out a new one and retires the old; idle for
 * {@link #SESSION_IDLE} or older than {@link #SESSION_MAX} they end, as Keycloak's SSO session settings do).
 */
final class BrowserSessions {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final Duration SESSION_MAX = Duration.ofHours(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    record Grant(Identity who, String nonce) {
    }

    record Renewal(Identity who, String refreshToken) {
    }

    private record PendingCode(Identity who, String redirectUri, String challenge, String nonce, Instant expiresAt) {
    }

    private record Session(Identity who, Instant startedAt, Instant lastUsedAt) {
    }

    private final Clock clock;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    BrowserSessions(Clock clock) {
        this.clock = clock;
    }

    String codeFor(Identity who, String redirectUri, String challenge, String nonce) {
        String code = random();
        codes.put(code, new PendingCode(who, redirectUri, challenge, nonce, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The sign-in a code stands for, once: empty if unknown, used, expired, or redeemed by the wrong party. */
    Optional<Grant> redeem(String code, String clientId, String redirectUri, String verifier) {
        PendingCode pending = code == null ? null : codes.remove(code);
        if (pending == null || clock.instant().isAfter(pending.expiresAt())
                || !pending.who().client().equals(clientId) || !pending.redirectUri().equals(redirectUri)
                || (pending.challenge() != null && !pending.challenge().equals(s256(verifier)))) {
            return Optional.empty();
        }
        return Optional.of(new Grant(pending.who(), pending.nonce()));
    }

    /** A new session for {@code who}: its first refresh token. */
    String open(Identity who) {
        Instant now = clock.instant();
        String token = random();
        sessions.put(token, new Session(who, now, now));
        return token;
    }

    /** The session {@code refreshToken} holds, with its next refresh token; empty if it ended. */
    Optional<Renewal> renew(String refreshToken, String clientId) {
        Session session = refreshToken == null ? null : sessions.remove(refreshToken);
        Instant now = clock.instant();
        if (session == null || !session.who().client().equals(clientId)
                || now.isAfter(session.lastUsedAt().plus(SESSION_IDLE))
                || now.isAfter(session.startedAt().plus(SESSION_MAX))) {
            return Optional.empty();
        }
        String next = random();
        sessions.put(next, new Session(session.who(), session.startedAt(), now));
        return Optional.of(new Renewal(session.who(), next));
    }

    /** Ends every session of {@code username} through {@code clientId} (sign-out). */
    void end(String username, String clientId) {
        sessions.values().removeIf(s -> s.who().username().equals(username) && s.who().client().equals(clientId));
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
