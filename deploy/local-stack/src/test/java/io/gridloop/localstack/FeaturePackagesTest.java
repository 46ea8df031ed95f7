package io.gridloop.localstack;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside a service (and the shared platform and contracts), feature packages depend on each other one way only
 * (dispatch's casework on casestore, casestore on lifecycle…), so each can be read — and changed — starting from
 * what it uses; and what each package-info says it may use is what it uses.
 */
class FeaturePackagesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern MAY_USE = Pattern.compile("May use:(.*?)(\\*/|<p>|\\n\\s*\\*\\s*\\n)",
            Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"intake", "dispatch", "hotline", "metrics", "stats", "platform", "contracts"})
    void shouldKeepEachServicesFeaturePackagesFreeOfCycles(String service) {
        slices().matching("io.gridloop." + service + ".(*)..").should().beFreeOfCycles()
                .check(classesOf(service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "dispatch", "hotline", "metrics", "stats", "platform", "contracts"})
    void shouldUseOnlyThePackagesEachPackageInfoNames(String service) throws IOException {
        String base = "io.gridloop." + service + ".";
        Map<String, Set<String>> used = new TreeMap<>();
        for (JavaClass c : classesOf(service)) {
            String from = featureOf(c.getPackageName(), base);
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = featureOf(d.getTargetClass().getPackageName(), base);
                if (to != null && !to.equals(from)) {
                    used.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertThat(used).isNotEmpty();
        Map<String, Set<String>> unnamed = new TreeMap<>();
        used.forEach((feature, targets) -> {
            String mayUse = mayUse(service, feature);
            targets.stream().filter(t -> !Pattern.compile("\\b" + t + "\\b").matcher(mayUse).find())
                    .forEach(t -> unnamed.computeIfAbsent(feature + " (May use: " + mayUse + ")",
                            k -> new TreeSet<>()).add(t));
        });
        assertThat(unnamed).as("packages of %s that use what their package-info does not name", service).isEmpty();
    }

    private static JavaClasses classesOf(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gridloop." + service);
    }

    /** The feature package {@code pkg} belongs to: the first segment below the service's root. */
    private static String featureOf(String pkg, String base) {
        if (!pkg.startsWith(base)) {
            return null;
        }
        String rest = pkg.substring(base.length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    private static String mayUse(String service, String feature) {
        try (Stream<Path> all = Files.walk(ROOT)) {
            Path info = all.filter(p -> p.toString().endsWith("/io/gridloop/" + service + "/" + feature
                            + "/package-info.java") && p.toString().contains("/src/main/java/"))
                    .findFirst().orElseThrow(() -> new AssertionError("no package-info for " + feature));
            Matcher m = MAY_USE.matcher(Files.readString(info));
            return m.find() ? m.group(1).replaceAll("\\s*\\*\\s*", " ").strip() : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
