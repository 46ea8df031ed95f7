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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough of Kustomize to read gridloop's manifests as {@code kubectl apply -k} would, where no kubectl can be
 * installed: {@code resources} (files, and directories with a kustomization), {@code namespace}, and
 * {@code patches} — strategic-merge files (maps merged, lists of named items merged by name, other lists
 * replaced) and inline JSON 6902 {@code replace}/{@code add} operations on targets chosen by kind and name
 * (a regular expression, as Kustomize takes it). A kustomization using anything else is refused, so nothing it
 * says is silently left out.
 */
final class Kustomize {

    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "namespace", "resources", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private Kustomize() {
    }

    /** The resources the kustomization in {@code dir} produces, in order. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> k = Manifests.map(Manifests.load(dir.resolve("kustomization.yaml")).getFirst());
        List<String> unknown = k.keySet().stream().filter(key -> !UNDERSTOOD.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(dir + ": kustomization fields this reader does not apply: " + unknown);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : Manifests.list(k.getOrDefault("resources", List.of()))) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            out.addAll(Files.isDirectory(p) ? build(p)
                    : Manifests.load(p).stream().map(Manifests::map).toList());
        }
        for (Object patch : Manifests.list(k.getOrDefault("patches", List.of()))) {
            Map<String, Object> spec = Manifests.map(patch);
            if (spec.containsKey("path")) {
                for (Object doc : Manifests.load(dir.resolve(String.valueOf(spec.get("path"))))) {
                    Map<String, Object> change = Manifests.map(doc);
                    Map<String, Object> target = only(out, Manifests.kind(change), Manifests.name(change));
                    merge(target, change);
                }
            } else {
                Map<String, Object> target = Manifests.map(spec.get("target"));
                Pattern name = Pattern.compile(String.valueOf(target.get("name")));
                List<Map<String, Object>> hits = out.stream()
                        .filter(r -> Manifests.kind(r).equals(target.get("kind")))
                        .filter(r -> name.matcher(Manifests.name(r)).find()).toList();
                if (hits.isEmpty()) {
                    throw new IllegalArgumentException(dir + ": a patch matches nothing: " + target);
                }
                List<Object> ops = new Yaml().load(String.valueOf(spec.get("patch")));
                hits.forEach(hit -> ops.forEach(op -> apply(hit, Manifests.map(op))));
            }
        }
        if (k.get("namespace") != null) {
            out.stream().filter(r -> !CLUSTER_SCOPED.contains(Manifests.kind(r)))
                    .forEach(r -> Manifests.map(r.get("metadata")).put("namespace", k.get("namespace")));
        }
        return out;
    }

    private static Map<String, Object> only(List<Map<String, Object>> resources, String kind, String name) {
        List<Map<String, Object>> hits = resources.stream()
                .filter(r -> Manifests.kind(r).equals(kind) && Manifests.name(r).equals(name)).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException("a patch of " + kind + "/" + name + " matches " + hits.size());
        }
        return hits.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> change) {
        change.forEach((key, value) -> {
            Object current = into.get(key);
            if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                merge((Map<String, Object>) c, (Map<String, Object>) m);
            } else if (value instanceof List<?> l && current instanceof List<?> c && named(l) && named(c)) {
                List<Object> merged = new ArrayList<>(c);
                for (Object item : l) {
                    Object itemName = Manifests.map(item).get("name");
                    merged.stream().filter(e -> itemName.equals(Manifests.map(e).get("name"))).findFirst()
                            .ifPresentOrElse(e -> merge(Manifests.map(e), Manifests.map(item)), () -> merged.add(item));
                }
                into.put(key, merged);
            } else {
                into.put(key, value);
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey("name"));
    }

    /** One JSON 6902 operation; {@code replace} insists the path exists, {@code add} creates the last step. */
    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> resource, Map<String, Object> op) {
        String kind = String.valueOf(op.get("op"));
        if (!kind.equals("replace") && !kind.equals("add")) {
            throw new IllegalArgumentException("JSON patch op this reader does not apply: " + op);
        }
        String[] steps = String.valueOf(op.get("path")).substring(1).split("/");
        Object at = resource;
        for (int i = 0; i < steps.length - 1; i++) {
            at = step(at, steps[i], op);
        }
        String last = steps[steps.length - 1];
        if (at instanceof List<?> list) {
            int index = Integer.parseInt(last);
            ((List<Object>) list).set(index, op.get("value"));
        } else {
            Map<String, Object> map = (Map<String, Object>) at;
            if (kind.equals("replace") && !map.containsKey(last)) {
                throw new IllegalArgumentException("replace of a path that is not there: " + op);
            }
            map.put(last, op.get("value"));
        }
    }

    private static Object step(Object at, String step, Map<String, Object> op) {
        Object next = at instanceof List<?> list ? list.get(Integer.parseInt(step)) : Manifests.map(at).get(step);
        if (next == null) {
            throw new IllegalArgumentException("no " + step + " on the way to " + op.get("path"));
        }
        return next;
    }

    /** Reading YAML manifests: documents of a file, and typed views of their parts. */
    static final class Manifests {

        private Manifests() {
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
}
