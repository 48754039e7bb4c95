package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic passkey upgrade (conditional create): a browser may create the passkey without testing user presence,
 * so UP=0 is accepted for a ceremony started with {@link StartRegistration#asConditional()} and for no other one.
 * Real signatures from the test kit's software authenticator; the UP flag is cleared by {@link Tamper}.
 */
class ConditionalRegistrationTest {

    private final Fixture fx = new Fixture();

    private String response(StartRegistration start, Tamper tamper) {
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(start);
        return fx.authenticator.register(options, ORIGIN, tamper);
    }

    @Test
    void aConditionalCeremonyAcceptsAPasskeyMadeWithoutUserPresence() {
        String response = response(StartRegistration.forUser("alice").asConditional(), new Tamper().userPresent(false));

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        assertThat(fx.passkeys.findByCredentialId(passkey.credentialId())).isPresent();
    }

    @Test
    void aConditionalCeremonyAcceptsUserPresenceToo() {
        String response = response(StartRegistration.forUser("alice").asConditional(), new Tamper());

        assertThat(fx.rp.finishRegistration(FinishRegistration.of("alice", response)))
                .isNotNull();
    }

    @Test
    void aNormalCeremonyStillRefusesAPasskeyMadeWithoutUserPresence() {
        String response = response(StartRegistration.forUser("alice"), new Tamper().userPresent(false));

        fx.assertRefused(
                Reason.USER_NOT_PRESENT, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void aConditionalCeremonyKeepsTheUserVerificationPolicy() {
        String response = response(
                StartRegistration.forUser("alice").asConditional(),
                new Tamper().userPresent(false).userVerified(false));

        fx.assertRefused(
                Reason.USER_NOT_VERIFIED, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
    }

    @Test
    void aResponseToNormalOptionsCannotBorrowTheRelaxationOfAnotherConditionalCeremony() {
        // A conditional ceremony is pending for alice, but the UP=0 response answers her normal one: refused.
        fx.rp.startRegistration(StartRegistration.forUser("alice").asConditional());
        String response = response(StartRegistration.forUser("alice"), new Tamper().userPresent(false));

        fx.assertRefused(
                Reason.USER_NOT_PRESENT, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
    }

    @Test
    void conditionalIsPartOfTheRequestsValue() {
        StartRegistration normal = StartRegistration.forUser("alice");

        assertThat(normal.conditional()).isFalse();
        assertThat(normal.asConditional().conditional()).isTrue();
        assertThat(normal.asConditional()).isNotEqualTo(normal);
        assertThat(normal.asConditional().withDisplayName("Alice").conditional())
                .isTrue();
    }
}
