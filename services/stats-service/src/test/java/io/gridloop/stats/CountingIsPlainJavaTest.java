package io.gridloop.stats;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What a case counts for, and how a rate is worked out, stay testable without Spring, Kafka or MongoDB. */
class CountingIsPlainJavaTest {

    @Test
    void shouldKeepCountingAndFormulasFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("..stats.counting..", "..stats.formula..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "io.gridloop.platform..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.gridloop.stats"));
    }
}
