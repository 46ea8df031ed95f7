package io.gridloop.infra;

import io.gridloop.infra.auth.Identity;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked cell by cell: every endpoint against every caller — anonymous, and each role inside
 * and outside the area the endpoint's data lies in. A cell not named as allowed must be refused (401, 403 or
 * 404, as problem+json); an allowed cell must get past the checks (any answer but those three), and when an
 * endpoint names a {@code secret} (a case id, a district code) no caller outside the area may see it in a
 * successful answer: lists are filtered, not only guarded. No cell may answer 5xx. Given the endpoints the service
 * serves ({@link #serving}), every one of them must have been called: an endpoint added without a row in the
 * matrix fails it. Every broken cell is reported at once.
 */
public final class AccessMatrix {

    /** A caller: a label such as {@code OPERATOR@150105} and whom the token speaks for (null: no token). */
    public record Caller(String label, Identity identity) {
    }

    /**
     * An endpoint under test.
     *
     * @param secret text that only callers in {@code allowedToSee} may find in a 2xx answer (null: no check)
     */
    public record Call(String label, Function<RestTestClient, RestTestClient.ResponseSpec> request,
                       Set<String> allowed, String secret, Set<String> allowedToSee) {
    }

    private final Function<Identity, RestTestClient> clients;
    private final List<Caller> callers = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> served = new ArrayList<>();

    /**
     * The endpoints the service serves ({@code GET /api/v1/cases/{caseId}}), each of which the matrix must call;
     * see {@link #endpointsOf}.
     */
    public AccessMatrix serving(Collection<String> endpoints) {
        served.addAll(endpoints);
        return this;
    }

    /**
     * The endpoints of a service's controllers, as {@code METHOD /pattern}: its own and the platform's (audit,
     * photos), without the error page and the public API description, which every matrix checks anyway.
     */
    public static List<String> endpointsOf(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")) {
                    continue;
                }
                methods.forEach(m -> endpoints.add(m + " " + pattern));
            }
        }
        return List.copyOf(endpoints);
    }

    /** @param clients a client for an identity; given {@code null}, one without a token */
    public AccessMatrix(Function<Identity, RestTestClient> clients) {
        this.clients = clients;
        callers.add(new Caller("anonymous", null));
    }

    public AccessMatrix caller(String label, Identity identity) {
        callers.add(new Caller(label, identity));
        return this;
    }

    /** An endpoint only {@code allowed} may call. */
    public AccessMatrix call(String label, Function<RestTestClient, RestTestClient.ResponseSpec> request,
                             String... allowed) {
        calls.add(new Call(label, request, Set.of(allowed), null, Set.of(allowed)));
        return this;
    }

    /** An endpoint {@code allowed} may call, whose answers must show {@code secret} only to {@code allowedToSee}. */
    public AccessMatrix call(String label, Function<RestTestClient, RestTestClient.ResponseSpec> request,
                             Set<String> allowed, String secret, Set<String> allowedToSee) {
        calls.add(new Call(label, request, allowed, secret, allowedToSee));
        return this;
    }

    /** Runs every cell; fails listing every cell that allowed what it should not, or refused what it should not. */
    public Map<String, Integer> verify() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        Set<String> exercised = new LinkedHashSet<>();
        for (Call call : calls) {
            for (Caller caller : callers) {
                EntityExchangeResult<String> result = call.request().apply(clients.apply(caller.identity()))
                        .returnResult(String.class);
                int status = result.getStatus().value();
                String body = result.getResponseBody() == null ? "" : result.getResponseBody();
                exercised.add(result.getMethod().name() + " " + result.getUrl().getRawPath());
                if (status >= 500) {
                    wrong.add(call.label() + " as " + caller.label() + " → " + status + ": a server error is never "
                            + "an answer: " + cut(body));
                }
                answers.put(call.label() + " × " + caller.label(), status);
                boolean refused = status == 401 || status == 403 || status == 404;
                String cell = call.label() + " as " + caller.label() + " → " + status;
                if (call.allowed().contains(caller.label())) {
                    if (refused) {
                        wrong.add(cell + ": refused, but this caller may: " + cut(body));
                    }
                } else if (!refused) {
                    wrong.add(cell + ": allowed, but this caller may not: " + cut(body));
                } else if (!String.valueOf(result.getResponseHeaders().getContentType()).startsWith(
                        "application/problem+json")) {
                    wrong.add(cell + ": refused without a problem document");
                } else if (caller.identity() == null && status != 401) {
                    wrong.add(cell + ": a call without a token must be answered 401");
                }
                if (call.secret() != null && status / 100 == 2 && !call.allowedToSee().contains(caller.label())
                        && body.contains(call.secret())) {
                    wrong.add(cell + ": the answer shows " + call.secret() + " to a caller outside its area");
                }
            }
        }
        for (String endpoint : served) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            PathPattern pattern = PathPatternParser.defaultInstance.parse(endpoint.substring(endpoint.indexOf(' ') + 1));
            boolean called = exercised.stream().anyMatch(e -> e.startsWith(method + " ")
                    && pattern.matches(PathContainer.parsePath(e.substring(e.indexOf(' ') + 1))));
            if (!called) {
                wrong.add(endpoint + ": the service serves it, but the matrix never calls it");
            }
        }
        System.out.println(table(answers));
        assertThat(wrong).as("access matrix: %d cells checked", answers.size()).isEmpty();
        return answers;
    }

    /** The answers as a table, one line per endpoint, for the test's output. */
    private String table(Map<String, Integer> answers) {
        StringBuilder out = new StringBuilder("Access matrix (status per caller):\n  callers: ");
        out.append(String.join(" | ", callers.stream().map(Caller::label).toList())).append('\n');
        for (Call call : calls) {
            out.append("  ").append(call.label()).append(": ");
            out.append(String.join(" ", callers.stream()
                    .map(c -> String.valueOf(answers.get(call.label() + " × " + c.label()))).toList()));
            out.append('\n');
        }
        return out.toString();
    }

    private static String cut(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
