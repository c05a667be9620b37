package org.xuewei.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is pure Java: no framework, so anyone can run it and the platform can embed it. */
class ArchitectureTests {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xuewei.engine");

    @Test
    void engineDependsOnNoFramework() {
        noClasses().that().resideInAPackage("org.xuewei.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..")
                .check(ENGINE);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideInAPackage("org.xuewei.engine..").and().resideOutsideOfPackage("org.xuewei.engine.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(ENGINE);
    }

    @Test
    void theAlgorithmsDoNotReadOrWriteFiles() {
        noClasses().that().resideInAnyPackage("org.xuewei.engine.core..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "java.nio.file..")
                .check(ENGINE);
    }
}
