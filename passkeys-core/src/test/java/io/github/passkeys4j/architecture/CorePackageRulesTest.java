package io.github.passkeys4j.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The core's package rules (its main code): no Spring, and webauthn4j only behind the {@code internal} package. */
class CorePackageRulesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.passkeys4j");
    }

    @Test
    void theCoreIsImported() {
        assertThat(core.containPackage("io.github.passkeys4j.internal")).isTrue();
    }

    @Test
    void coreKnowsNoSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(core);
    }

    @Test
    void onlyTheInternalPackageUsesWebauthn4j() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.github.passkeys4j.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.webauthn4j..")
                .check(core);
    }
}
