package org.xuewei.platform;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Architecture rules beyond module boundaries: domain code is free of web code, and there is no JPA.
 * Web code lives in the {@code web} module and in each module's {@code web} and {@code security} packages.
 */
@AnalyzeClasses(packages = "org.xuewei.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domain_types_depend_on_no_web_code = noClasses()
            .that().resideInAPackage("org.xuewei.platform..")
            .and().resideOutsideOfPackages("org.xuewei.platform.web..", "org.xuewei.platform.*.web..",
                    "org.xuewei.platform.*.security..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.ui..", "org.springframework.http..", "jakarta.servlet..",
                    "org.thymeleaf..", "org.springframework.security.web..")
            .because("domain types must be usable and testable without the web layer (CONVENTIONS.md 2)");

    @ArchTest
    static final ArchRule no_jpa = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("persistence is plain SQL with JdbcClient (ARCHITECTURE.md, Data)");
}
