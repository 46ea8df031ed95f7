package io.gridloop.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One write (or audited read, such as an export) to a service's API: who, in which roles, for which areas,
 * when, from where, what they asked and what they got.
 *
 * @param actor         the caller's id ({@code preferred_username}); {@code anonymous} when the request carried no
 *                      valid token, or the machine that signed it (e.g. {@code 12345-hotline (HMAC)})
 * @param areas         the areas the caller's token named
 * @param status        the HTTP status answered: refused attempts (401, 403) are recorded too
 * @param remoteAddress the peer's address; {@code forwardedFor} what a proxy said the client was
 */
public record AuditEntry(String id, Instant at, String service, String actor, String actorName, List<String> roles,
                         List<String> areas, String unit, String client, String method, String path, String query,
                         int status, String remoteAddress, String forwardedFor, String userAgent, String traceId) {
}
