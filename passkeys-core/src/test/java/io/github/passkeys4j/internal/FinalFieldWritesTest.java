package io.github.passkeys4j.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When our verifier may take webauthn4j's signature check: JEP 500's options as JDK 26 reads them. */
class FinalFieldWritesTest {

    private static final Module CLASS_PATH = FinalFieldWritesTest.class.getModule();
    private static final Module NAMED = String.class.getModule();

    @Test
    void beforeJdk26AnyWriteIsQuiet() {
        assertThat(FinalFieldWrites.allowedQuietly(17, List.of(), CLASS_PATH)).isTrue();
        assertThat(FinalFieldWrites.allowedQuietly(25, List.of("--illegal-final-field-mutation=deny"), CLASS_PATH))
                .isTrue();
    }

    @Test
    void fromJdk26OnlyWhenTheJvmWasToldSo() {
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of(), CLASS_PATH)).isFalse();
        assertThat(FinalFieldWrites.allowedQuietly(
                        27, List.of("-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED"), CLASS_PATH))
                .isFalse();
        assertThat(FinalFieldWrites.allowedQuietly(
                        26, List.of("--enable-final-field-mutation=ALL-UNNAMED"), CLASS_PATH))
                .isTrue();
        assertThat(FinalFieldWrites.allowedQuietly(
                        26, List.of("--enable-final-field-mutation", "some.module,ALL-UNNAMED"), CLASS_PATH))
                .isTrue();
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of("--illegal-final-field-mutation=allow"), CLASS_PATH))
                .isTrue();
    }

    @Test
    void theOptionMustNameOurModule() {
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of("--enable-final-field-mutation=ALL-UNNAMED"), NAMED))
                .isFalse();
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of("--enable-final-field-mutation=java.base"), NAMED))
                .isTrue();
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of("--enable-final-field-mutation=java.base"), CLASS_PATH))
                .isFalse();
        // A prefix of the option is another option.
        assertThat(FinalFieldWrites.allowedQuietly(
                        26, List.of("--enable-final-field-mutations=ALL-UNNAMED"), CLASS_PATH))
                .isFalse();
    }

    @Test
    void theLastModeGiven() {
        assertThat(FinalFieldWrites.allowedQuietly(
                        26,
                        List.of("--illegal-final-field-mutation=allow", "--illegal-final-field-mutation", "warn"),
                        CLASS_PATH))
                .isFalse();
        assertThat(FinalFieldWrites.allowedQuietly(26, List.of("--illegal-final-field-mutation=debug"), CLASS_PATH))
                .isFalse();
        // Enabled for our module, deny elsewhere: ours may write.
        assertThat(FinalFieldWrites.allowedQuietly(
                        26,
                        List.of("--illegal-final-field-mutation=deny", "--enable-final-field-mutation=ALL-UNNAMED"),
                        CLASS_PATH))
                .isTrue();
    }

    @Test
    void thisJvmBeforeJdk26TakesOurVerifierAndTheOptionNamesOurModule() {
        assertThat(FinalFieldWrites.allowedQuietly())
                .isEqualTo(Runtime.version().feature() < 26);
        assertThat(FinalFieldWrites.enablingOption()).isEqualTo("--enable-final-field-mutation=ALL-UNNAMED");
    }
}
