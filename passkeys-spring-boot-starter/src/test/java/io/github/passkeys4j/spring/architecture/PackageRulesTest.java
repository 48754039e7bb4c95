package io.github.passkeys4j.spring.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of the library's main code (core and starter, tests excluded): dependencies between the
 * starter's packages go one way; the core knows no Spring; only the core's {@code internal} package uses webauthn4j;
 * internals stay out of the API packages.
 */
class PackageRulesTest {

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The core comes as target/classes or as its jar; its test-jar (the software authenticator) is test
                // code.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.github.passkeys4j")
                // The test kit (software authenticator, contract tests) is test support, not the library.
                .that(JavaClass.Predicates.resideOutsideOfPackage("io.github.passkeys4j.testing.."));
    }

    @Test
    void starterPackagesHaveNoCycles() {
        // Every package on its own (web and web.internal are two), so a cycle through an internal package shows too.
        slices().matching("io.github.passkeys4j.spring.(**)")
                .should()
                .beFreeOfCycles()
                .check(library);
    }

    @Test
    void bothModulesAreImported() {
        assertThat(library.containPackage("io.github.passkeys4j.internal")).isTrue();
        assertThat(library.containPackage("io.github.passkeys4j.spring.autoconfigure"))
                .isTrue();
    }

    @Test
    void coreKnowsNoSpring() {
        noClasses()
                .that()
                .resideInAPackage("io.github.passkeys4j..")
                .and()
                .resideOutsideOfPackage("io.github.passkeys4j.spring..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(library);
    }

    @Test
    void onlyTheCoreInternalPackageUsesWebauthn4j() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.github.passkeys4j.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.webauthn4j..")
                .check(library);
    }

    @Test
    void filtersAndControllersAreNotApi() {
        classes()
                .that()
                .resideInAPackage("io.github.passkeys4j.spring..")
                .and()
                .areAssignableTo(jakarta.servlet.Filter.class)
                .or()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
                .should()
                .notBePublic()
                .orShould()
                .resideInAPackage("..internal..")
                .check(library);
    }

    @Test
    void internalsDoNotUseTheAutoConfiguration() {
        noClasses()
                .that()
                .resideInAPackage("io.github.passkeys4j.spring..")
                .and()
                .resideInAPackage("..internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.github.passkeys4j.spring.autoconfigure..")
                .check(library);
    }
}
