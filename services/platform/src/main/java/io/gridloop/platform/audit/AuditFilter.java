package io.gridloop.platform.audit;

import io.gridloop.platform.security.Caller;
import io.gridloop.platform.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records every write to the API, and the reads named as audited (exports, the audit trail itself), after the
 * answer is known. Sits inside the security filter chain, so it sees who the token says the caller is, and
 * also records the attempts the chain refuses.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** A request attribute naming a caller that signed in some other way, e.g. the 12345 platform's HMAC. */
    public static final String MACHINE_CALLER = AuditFilter.class.getName() + ".machineCaller";

    private final AuditTrail trail;
    private final List<String> auditedReads;
    private final String service;
    private final Clock clock;

    public AuditFilter(AuditTrail trail, List<String> auditedReads, String service, Clock clock) {
        this.trail = trail;
        this.auditedReads = List.copyOf(auditedReads);
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!audited(request)) {
            chain.doFilter(request, response);
            return;
        }
        String traceId = MDC.get("traceId");
        try {
            chain.doFilter(request, response);
        } finally {
            trail.record(entry(request, response.getStatus(), traceId));
        }
    }

    private boolean audited(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            return true;
        }
        String path = request.getRequestURI();
        return method.equals("GET") && auditedReads.stream().anyMatch(path::startsWith);
    }

    private AuditEntry entry(HttpServletRequest request, int status, String traceId) {
        Optional<Caller> caller = Caller.find();
        String actor = caller.map(Caller::id).orElseGet(() ->
                request.getAttribute(MACHINE_CALLER) instanceof String machine ? machine : "anonymous");
        String query = request.getQueryString();
        return new AuditEntry(UUID.randomUUID().toString(), clock.instant(), service, actor,
                caller.map(Caller::name).orElse(null),
                caller.map(c -> c.roles().stream().map(Role::name).sorted().toList()).orElse(List.of()),
                caller.map(Caller::areas).orElse(List.of()), caller.map(Caller::unit).orElse(null),
                caller.map(Caller::client).orElse(null), request.getMethod(), request.getRequestURI(),
                query == null ? null : cut(query, 500), status, request.getRemoteAddr(),
                cut(request.getHeader("X-Forwarded-For"), 200), cut(request.getHeader("User-Agent"), 200),
                traceId);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
