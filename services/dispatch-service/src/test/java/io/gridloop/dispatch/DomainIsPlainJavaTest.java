package io.gridloop.dispatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gridloop.dispatch.unit.Unit;
import io.gridloop.dispatch.unit.UnitKind;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of the loop — transition table, routing, deadlines — stay testable without Spring, Kafka or MongoDB. */
class DomainIsPlainJavaTest {

    private final JavaClasses dispatch = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridloop.dispatch");

    @Test
    void shouldKeepTheLifecycleRoutingAndDeadlinesFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("..dispatch.lifecycle..", "..dispatch.routing..",
                        "..dispatch.deadline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "io.gridloop.platform..")
                .check(dispatch);
    }

    @Test
    void shouldKeepTheUnitDirectorysRulesFreeOfFrameworks() {
        noClasses().that().haveFullyQualifiedName(Unit.class.getName())
                .or().haveFullyQualifiedName(UnitKind.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "io.gridloop.platform..")
                .check(dispatch);
    }
}
