package io.gridloop.localstack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes manifests as a cluster would receive them: an overlay rendered by {@code kubectl kustomize} (what
 * {@code kubectl apply -k} sends), and typed views of their parts.
 */
final class Manifests {

    private static final String KUBECTL = System.getProperty("gridloop.kubectl", "kubectl");

    private Manifests() {
    }

    /** kubectl's output per overlay: rendering takes a second or more, and every check reads the same overlays. */
    private static final Map<Path, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();
    private static Boolean kubectl;

    /** Whether a kubectl with Kustomize is on this machine (it ships with the machines gridloop is built on). */
    static synchronized boolean kubectlAvailable() {
        if (kubectl == null) {
            kubectl = askKubectl();
        }
        return kubectl;
    }

    private static boolean askKubectl() {
        try {
            Process version = new ProcessBuilder(KUBECTL, "version", "--client")
                    .redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The resources the kustomization in {@code dir} produces, in kubectl's order. */
    static List<Map<String, Object>> kustomize(Path dir) {
        // Parsed afresh each time, so no test sees another's changes to the maps.
        List<Map<String, Object>> resources = new ArrayList<>();
        new Yaml().loadAll(RENDERED.computeIfAbsent(dir, Manifests::render)).forEach(doc -> {
            if (doc != null) {
                resources.add(map(doc));
            }
        });
        return resources;
    }

    private static String render(Path dir) {
        try {
            Path errors = Files.createTempFile("kustomize-", ".err");
            Process kustomize = new ProcessBuilder(KUBECTL, "kustomize", dir.toString())
                    .redirectError(errors.toFile()).start();
            String rendered = new String(kustomize.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!kustomize.waitFor(60, TimeUnit.SECONDS) || kustomize.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(errors));
            }
            Files.delete(errors);
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The documents of a file, empty ones (comment-only) left out. */
    static List<Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Object> docs = new ArrayList<>();
            new Yaml().loadAll(reader).forEach(d -> {
                if (d != null) {
                    docs.add(d);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return o == null ? new LinkedHashMap<>() : fail(o);
    }

    static List<?> list(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        return o == null ? List.of() : fail(o);
    }

    /** The value at a dotted path of map keys ({@code spec.template.spec}); null where a step is missing. */
    static Object at(Object root, String path) {
        Object at = root;
        for (String step : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(step);
        }
        return at;
    }

    static String kind(Map<String, Object> resource) {
        return String.valueOf(resource.get("kind"));
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata")).get("name"));
    }

    private static <T> T fail(Object o) {
        throw new IllegalArgumentException("unexpected YAML shape: " + o);
    }
}
