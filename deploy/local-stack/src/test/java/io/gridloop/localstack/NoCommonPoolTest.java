package io.gridloop.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * No service code runs work on the JVM's common pool. In the packaged local stack (one executable jar) the pool's
 * threads do not see the application's class loader, and Kafka's client loads classes by name when first used:
 * a producer created there broke every later send (found by the benchmark, invisible to the tests, which run on a
 * flat class path).
 */
class NoCommonPoolTest {

    private final JavaClasses gridloop = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gridloop");

    @Test
    void shouldNotHandWorkToTheCommonPool() {
        noClasses().should().callMethod(CompletableFuture.class, "runAsync", Runnable.class)
                .orShould().callMethod(CompletableFuture.class, "supplyAsync", Supplier.class)
                .orShould().callMethod(ForkJoinPool.class, "commonPool")
                .check(gridloop);
    }
}
