package io.gridloop.infra;

import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a service's README to what the service serves: every operation of its OpenAPI document is named in the
 * README's tables (as {@code `GET /api/v1/cases/{id}`} in a row's first cell), and every operation the README names
 * exists — so the README people read cannot drift from the code. Path variables are compared by position, not name;
 * {@code /actuator/…} is Actuator's, not in the OpenAPI document, and taken on trust; Spring's {@code /error} is
 * left out.
 */
public final class ReadmeEndpoints {

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s?]*)");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ReadmeEndpoints() {
    }

    /** The operations the README's table rows name, as {@code METHOD /path} with path variables as {@code {}}. */
    public static Set<String> inReadme(Path readme) {
        Set<String> named = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(readme)) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String firstCell = line.substring(1, line.indexOf(" |", 1) < 0 ? line.length() : line.indexOf(" |", 1));
                Matcher m = OPERATION.matcher(firstCell);
                while (m.find()) {
                    if (!m.group(2).startsWith("/actuator")) {
                        named.add(m.group(1) + " " + normalised(m.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }

    /** The operations of an OpenAPI document, as {@link #inReadme} writes them. */
    public static Set<String> inOpenApi(String openApiJson) {
        JsonNode paths = JsonMapper.builder().build().readTree(openApiJson).get("paths");
        Set<String> served = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            if (path.equals("/error")) {
                continue; // Spring's error page, which no one calls
            }
            for (String method : paths.get(path).propertyNames()) {
                if (METHODS.contains(method)) {
                    served.add(method.toUpperCase() + " " + normalised(path));
                }
            }
        }
        return served;
    }

    /**
     * Fails unless the README of the module under test ({@code README.md} in the working directory) names exactly
     * the operations of the service's OpenAPI document — and {@code pages}, which the document leaves out.
     */
    public static void assertReadmeNamesWhatIsServed(RestTestClient signedIn, String... pages) {
        String api = signedIn.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        Set<String> served = new TreeSet<>(inOpenApi(api));
        served.addAll(List.of(pages));

        assertThat(inReadme(Path.of("README.md")))
                .as("operations README.md names (left) against the OpenAPI document (right)")
                .containsExactlyElementsOf(served);
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
