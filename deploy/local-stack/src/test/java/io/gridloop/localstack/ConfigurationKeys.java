package io.gridloop.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the configuration tests compare: the properties the configuration metadata on the class path describes
 * (Spring Boot's, the libraries', gridloop's own from the configuration processor), and the keys the services'
 * sources and YAML files set or read.
 */
final class ConfigurationKeys {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** One property of the metadata. */
    record Property(String name, String description, String type, boolean deprecated) {

        boolean isMap() {
            return type.startsWith("java.util.Map");
        }
    }

    private ConfigurationKeys() {
    }

    /** Every property of every {@code META-INF/spring-configuration-metadata.json} on the class path. */
    static List<Property> metadata() throws IOException {
        List<Property> properties = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(ConfigurationKeys.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode p : json.readTree(in).path("properties")) {
                    properties.add(new Property(p.get("name").asString(), p.path("description").asString(""),
                            p.path("type").asString(""), p.has("deprecation")));
                }
            }
        }
        return properties;
    }

    /** The main sources of the services and the platform whose names end with {@code suffix}. */
    static List<Path> sources(String suffix) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("services")),
                Files.walk(ROOT.resolve("platform")))) {
            return files.filter(p -> p.toString().contains("/src/main/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The dotted keys of a YAML tree's leaves, below {@code prefix} (empty: from the top). */
    static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.add(prefix);
        }
    }
}
