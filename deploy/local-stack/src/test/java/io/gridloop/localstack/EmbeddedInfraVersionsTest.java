package io.gridloop.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker's and MongoDB-wire server's versions are pinned in the build, and the page that says what
 * gridloop adds to them names the versions the build uses and only classes that exist.
 */
class EmbeddedInfraVersionsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void shouldDocumentTheVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String readme = Files.readString(ROOT.resolve("deploy/embedded-infra/README.md"));
        assertThat(readme).contains("| `org.apache.kafka:kafka_2.13` | " + property(pom, "kafka.version") + " |")
                .contains("`mongo-java-server-h2-backend` | " + property(pom, "mongo-java-server.version") + " |");
        Matcher named = Pattern.compile("\\*\\*`([A-Z][A-Za-z0-9]+)`\\*\\*").matcher(readme);
        int classes = 0;
        while (named.find()) {
            classes++;
            assertThat(ROOT.resolve("deploy/embedded-infra/src/main/java/io/gridloop/infra/" + named.group(1)
                    + ".java")).as(named.group(1)).exists();
        }
        assertThat(classes).isEqualTo(3);
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " pinned in the root pom").isTrue();
        return m.group(1);
    }
}
