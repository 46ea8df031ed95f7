package io.gridloop.localstack;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Inside a service, feature packages depend on each other one way only (dispatch's casework on casestore, casestore
 * on lifecycle…), so each can be read — and changed — starting from what it uses.
 */
class FeaturePackagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"intake", "dispatch", "hotline", "metrics", "stats"})
    void shouldKeepEachServicesFeaturePackagesFreeOfCycles(String service) {
        slices().matching("io.gridloop." + service + ".(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.gridloop." + service));
    }
}
