package io.gridloop.platform.audit;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records every write to the API, and the reads named as audited (exports, personal data, the audit trail
 * itself), after the answer is known. Sits inside the security filter chain, so it sees who the token says the
 * caller is.
 *
 * <p>What is matched and recorded is the path the application serves — decoded and normalised, as the
 * dispatcher matches it — so {@code /expor%74} is audited as {@code /export}. Refused attempts nobody signed for
 * (no token, a bad token, a missing or wrong 12345 signature) are counted ({@code gridloop.audit.refused}), not
 * stored one by one, or a flood of anonymous requests would fill the database; a signed-in caller's refused
 * attempt (403) is stored, since who tried matters.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** A request attribute naming a caller that signed in some other way, e.g. the 12345 platform's HMAC. */
    public static final String MACHINE_CALLER = AuditFilter.class.getName() + ".machineCaller";

    private static final UrlPathHelper PATHS = new UrlPathHelper();
    /** Query parameters whose values are credentials: recorded as {@code ***}. */
    private static final Pattern SECRET_PARAMETERS = Pattern.compile(
            "(?i)(^|&)(api_key|apikey|access_token|token|password|client_secret|secret)=[^&]*");
    private static final int MAX_PATH = 500;
    /** The methods counted by name; anything else (a client's invention) as OTHER, so the tag stays small. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;
    private final AuditSettings settings;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TrustedProxies proxies;

    public AuditFilter(AuditTrail trail, AuditSettings settings, String service, Clock clock, MeterRegistry meters) {
        this.trail = trail;
        this.settings = settings;
        this.proxies = new TrustedProxies(settings.trustedProxies());
        this.service = service;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = servedPath(request);
        if (!audited(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        String traceId = MDC.get("traceId");
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, path, response.getStatus(), traceId);
        }
    }

    private void record(HttpServletRequest request, String path, int status, String traceId) {
        Optional<Caller> caller = Caller.find();
        Object machine = request.getAttribute(MACHINE_CALLER);
        if (caller.isEmpty() && (status == 401 || status == 403)) {
            meters.counter("gridloop.audit.refused", "status", String.valueOf(status), "method",
                    METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER").increment();
            return;
        }
        trail.record(entry(request, path, status, traceId, caller, machine));
    }

    /** The path as the application matches it: decoded, without path parameters, {@code ..} resolved. */
    static String servedPath(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH);
    }

    private boolean audited(String method, String path) {
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            return true;
        }
        return method.equals("GET") && settings.auditedRead(path);
    }

    private AuditEntry entry(HttpServletRequest request, String path, int status, String traceId,
                             Optional<Caller> caller, Object machine) {
        String actor = caller.map(Caller::id).orElseGet(() -> machine instanceof String m ? m : "anonymous");
        List<String> areas = caller.map(Caller::areas).orElse(List.of());
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), service, actor,
                caller.map(Caller::name).orElse(null),
                caller.map(c -> c.roles().stream().map(Role::name).sorted().toList()).orElse(List.of()),
                areas, AuditEntry.areaRoot(areas), caller.map(Caller::unit).orElse(null),
                caller.map(Caller::client).orElse(null), request.getMethod(), path, query(request), status,
                request.getRemoteAddr(), proxies.clientBehind(request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For")), cut(request.getHeader("User-Agent"), 200), traceId);
    }

    static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? null : cut(SECRET_PARAMETERS.matcher(query).replaceAll("$1$2=***"), 500);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
