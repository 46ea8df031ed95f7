package io.gridloop.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** ARCHITECTURE.md names the file of every hop; each must exist, so the drawing follows the code. */
class ArchitectureDocTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern FILE = Pattern.compile("`([A-Za-z0-9_./-]+\\.(?:java|vue))`");

    @Test
    void shouldNameOnlyFilesThatExist() throws IOException {
        List<String> sources;
        try (Stream<Path> all = Files.walk(ROOT)) {
            sources = all.filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/target/"))
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".java") || p.endsWith(".vue")).toList();
        }
        List<String> named = FILE.matcher(Files.readString(ROOT.resolve("ARCHITECTURE.md"))).results()
                .map(m -> m.group(1)).distinct().toList();

        assertThat(named).hasSizeGreaterThan(30);
        // Written from the package down (dispatch/casestore/CaseCommits.java) or from the repository root.
        assertThat(named).allSatisfy(file -> assertThat(sources).as(file)
                .anyMatch(source -> source.equals(file) || source.endsWith("/" + file)));
    }

    /** Every package of the services, the platform and the contracts says what it holds and what it may use. */
    @Test
    void shouldDescribeEveryPackage() throws IOException {
        List<Path> packages;
        try (Stream<Path> all = Files.walk(ROOT)) {
            packages = all.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                            && (p.startsWith(ROOT.resolve("services")) || p.startsWith(ROOT.resolve("platform"))
                            || p.startsWith(ROOT.resolve("contracts"))))
                    .map(Path::getParent).distinct().toList();
        }

        assertThat(packages).hasSizeGreaterThan(50).allSatisfy(dir -> {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as(ROOT.relativize(dir).toString()).exists();
            assertThat(Files.readString(info)).contains("May use:");
        });
    }
}
