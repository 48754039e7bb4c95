package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a new passkey is named (issue 9): the user's name, else the provider's (AAGUID), else the app's fallback (the
 * browser and system it was made on), else "Passkey".
 */
class PasskeyNamingTest {

    private final Fixture fx = new Fixture();
    private int users;

    /** Each for a new user: the authenticator holds one passkey per user. */
    private Passkey register(Tamper tamper, String name, String fallback) {
        String user = "user" + ++users;
        return fx.rp.finishRegistration(FinishRegistration.of(user, fx.registrationResponse(user, tamper))
                .withName(name)
                .withFallbackName(fallback));
    }

    private static Tamper unknownProvider() {
        return new Tamper().aaguid(UUID.randomUUID());
    }

    @Test
    void theUsersNameComesFirst() {
        assertThat(register(new Tamper(), "Work phone", "Chrome on Windows").name())
                .isEqualTo("Work phone");
        assertThat(register(unknownProvider(), "Work laptop", "Chrome on Windows")
                        .name())
                .isEqualTo("Work laptop");
    }

    @Test
    void aKnownProviderComesBeforeTheFallback() {
        assertThat(register(new Tamper(), null, "Chrome on Windows").name()).isEqualTo("Google Password Manager");
    }

    @Test
    void anUnknownProviderTakesTheFallback() {
        assertThat(register(unknownProvider(), " ", "Safari on iPhone").name()).isEqualTo("Safari on iPhone");
    }

    @Test
    void withoutAFallbackTheNameIsGeneric() {
        assertThat(register(unknownProvider(), null, null).name()).isEqualTo("Passkey");
        assertThat(register(unknownProvider(), null, " \t").name()).isEqualTo("Passkey");
    }

    @Test
    void theFallbackIsCleanedAndCutNotRefused() {
        assertThat(register(unknownProvider(), null, " Firefox\u0000 on\nLinux ")
                        .name())
                .isEqualTo("Firefox onLinux");
        assertThat(register(unknownProvider(), null, "x".repeat(63) + "😀").name())
                .as("never half a character")
                .isEqualTo("x".repeat(63));
        assertThat(register(unknownProvider(), null, "y".repeat(200)).name()).isEqualTo("y".repeat(64));
    }
}
