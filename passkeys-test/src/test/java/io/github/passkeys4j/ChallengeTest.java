package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** A challenge answers one ceremony of one kind, once, in time. */
class ChallengeTest {

    private static final String UNKNOWN =
            Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    private final Fixture fx = new Fixture();

    @Test
    void refusesARegistrationWithAnUnknownChallenge() {
        String response = fx.registrationResponse("alice", new Tamper().challenge(UNKNOWN));

        fx.assertRefused(
                Reason.CHALLENGE_UNKNOWN, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
    }

    @Test
    void refusesAnAuthenticationWithAnUnknownChallenge() {
        fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().challenge(UNKNOWN));

        fx.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> fx.signIn(response));
    }

    @Test
    void refusesARegistrationResponseReplayed() {
        String response = fx.registrationResponse("alice", new Tamper());
        fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        fx.assertRefused(
                Reason.CHALLENGE_UNKNOWN, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.state().passkeys()).hasSize(1);
    }

    @Test
    void refusesAnAuthenticationResponseReplayed() {
        Passkey alices = fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.signIn(response);

        fx.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId()).signCount()).isEqualTo(1);
    }

    @Test
    void aRefusedResponseUsesUpItsStoredChallenge() {
        fx.register("alice");
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));
        String bad = fx.authenticator.authenticate(options, ORIGIN, new Tamper().corruptSignature());
        fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(bad));

        String good = fx.authenticator.authenticate(options, ORIGIN);

        fx.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> fx.signIn(good));
    }

    @Test
    void refusesARegistrationAfterTheTimeout() {
        String response = fx.registrationResponse("alice", new Tamper());
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        fx.assertRefused(
                Reason.CHALLENGE_EXPIRED, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
    }

    @Test
    void refusesAnAuthenticationAfterTheTimeout() {
        Passkey alices = fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        fx.assertRefused(Reason.CHALLENGE_EXPIRED, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void theTimeoutIsASetting() {
        Fixture quick = new Fixture(builder -> builder.ceremonyTimeout(Duration.ofSeconds(30)));
        quick.register("alice");
        PublicKeyCredentialRequestOptions options = quick.rp.startAuthentication(StartAuthentication.discoverable());
        assertThat(options.timeout()).isEqualTo(30_000);
        String response = quick.authenticator.authenticate(options, ORIGIN);
        quick.clock.advance(Duration.ofSeconds(31));

        quick.assertRefused(Reason.CHALLENGE_EXPIRED, () -> quick.signIn(response));
    }

    @Test
    void refusesARegistrationFinishedByAnotherUser() {
        String response = fx.registrationResponse("alice", new Tamper());

        fx.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
        assertThat(fx.users.findByUsername("bob")).isEmpty();
    }

    @Test
    void refusesARegistrationChallengeUsedToSignIn() {
        Passkey alices = fx.register("alice");
        PublicKeyCredentialCreationOptions registration = fx.rp.startRegistration(StartRegistration.forUser("bob"));
        String response =
                fx.assertion(StartAuthentication.discoverable(), new Tamper().challenge(registration.challenge()));

        fx.assertRefused(Reason.CHALLENGE_MISMATCH, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void refusesAnAuthenticationChallengeUsedToRegister() {
        PublicKeyCredentialRequestOptions signIn = fx.rp.startAuthentication(StartAuthentication.discoverable());
        String response = new SoftwareAuthenticator()
                .register(
                        fx.rp.startRegistration(StartRegistration.forUser("alice")),
                        ORIGIN,
                        new Tamper().challenge(signIn.challenge()));

        fx.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
    }
}
