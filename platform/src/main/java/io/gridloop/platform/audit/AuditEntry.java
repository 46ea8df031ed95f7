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
 * @param areaRoot      the longest common prefix of {@code areas} ({@code CN} for the whole country, empty for
 *                      none): an administrator may read the entry when their areas cover it, which the database
 *                      can check, so the trail is paged there
 * @param path          the path as the application served it (decoded)
 * @param query         the query string, credentials ({@code api_key}…) masked
 * @param remoteAddress the peer's address; {@code forwardedFor} the client a trusted proxy forwarded for
 */
public record AuditEntry(String id, Instant at, String service, String actor, String actorName, List<String> roles,
                         List<String> areas, String areaRoot, String unit, String client, String method, String path,
                         String query, int status, String remoteAddress, String forwardedFor, String userAgent,
                         String traceId) {

    static String areaRoot(List<String> areas) {
        if (areas.isEmpty()) {
            return "";
        }
        String root = areas.getFirst();
        for (String area : areas) {
            if (area.equals("CN")) {
                return "CN";
            }
            int same = 0;
            while (same < root.length() && same < area.length() && root.charAt(same) == area.charAt(same)) {
                same++;
            }
            root = root.substring(0, same);
        }
        return root;
    }
}
