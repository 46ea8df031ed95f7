package io.gridloop.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code gridloop.*} property is bound by a settings record ({@code @ConfigurationProperties}), so the
 * configuration processor describes it — to IDEs, to {@code /actuator/configprops} and to whoever writes an
 * installation's configuration — and a key nothing reads cannot hide in a YAML file (dispatch's
 * {@code gridloop.dispatch.outbox.*} did: the code read {@code casestore.*}).
 */
class ConfigurationMetadataTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /** A gridloop property read straight from the environment, bypassing the settings records. */
    private static final Pattern READ_DIRECTLY = Pattern.compile(
            "@Value\\(\"\\$\\{gridloop|String\\s*=\\s*\"\\$\\{gridloop|getProperty\\(\"gridloop");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(gridloop[a-z0-9.\\-]*)[:}]");
    private static final Pattern CONDITION = Pattern.compile("ConditionalOnProperty\\(name = \"(gridloop[a-z0-9.\\-]*)\"");

    @Test
    void shouldReadNoGridloopPropertyAroundTheSettingsRecords() throws IOException {
        Map<String, List<String>> direct = new TreeMap<>();
        for (Path source : sources(".java")) {
            List<String> lines = Files.readAllLines(source).stream()
                    .filter(l -> READ_DIRECTLY.matcher(l).find()).map(String::strip).toList();
            if (!lines.isEmpty()) {
                direct.put(ROOT.relativize(source).toString(), lines);
            }
        }
        assertThat(direct).as("bind these through a @ConfigurationProperties record").isEmpty();
    }

    @Test
    void shouldDescribeEveryGridloopKeyTheServicesSetOrRead() throws IOException {
        Map<String, String> described = gridloopMetadata();
        assertThat(described).as("gridloop's configuration metadata").hasSizeGreaterThan(60);
        assertThat(described.entrySet()).as("properties without a description (document the record's @param)")
                .filteredOn(e -> e.getValue().isBlank()).isEmpty();

        Map<String, Set<String>> used = new TreeMap<>();
        for (Path source : sources(".yml")) {
            Object yaml = new Yaml().load(Files.readString(source));
            if (yaml instanceof Map<?, ?> m && m.get("gridloop") != null) {
                Set<String> keys = new TreeSet<>();
                ConfigurationKeys.flatten("gridloop", m.get("gridloop"), keys);
                keys.forEach(k -> used.computeIfAbsent(k, x -> new TreeSet<>()).add(source.getFileName().toString()));
            }
        }
        for (Path source : Stream.concat(sources(".java").stream(), sources(".yml").stream()).toList()) {
            String text = Files.readString(source);
            for (Pattern p : List.of(PLACEHOLDER, CONDITION)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    used.computeIfAbsent(m.group(1), x -> new TreeSet<>()).add(source.getFileName().toString());
                }
            }
        }
        assertThat(used).as("keys the services set or read").containsKeys("gridloop.installation-area",
                "gridloop.dispatch.casestore.send-timeout", "gridloop.photos.enabled");

        Map<String, Set<String>> unbound = new TreeMap<>(used);
        unbound.keySet().removeIf(key -> bound(described.keySet(), key));
        assertThat(unbound).as("keys no settings record binds, with the files that use them").isEmpty();
    }

    /** Whether {@code key} is a described property, or a key of a described map or list property. */
    private static boolean bound(Set<String> described, String key) {
        String plain = key.replaceAll("\\[\\d+]", "");
        return described.stream().anyMatch(p -> plain.equals(p) || plain.startsWith(p + "."));
    }

    /** gridloop's properties in the metadata the configuration processor wrote, name → description. */
    private static Map<String, String> gridloopMetadata() throws IOException {
        Map<String, String> described = new TreeMap<>();
        ConfigurationKeys.metadata().stream().filter(p -> p.name().startsWith("gridloop."))
                .forEach(p -> described.put(p.name(), p.description()));
        return described;
    }

    private static List<Path> sources(String suffix) throws IOException {
        return ConfigurationKeys.sources(suffix);
    }
}
