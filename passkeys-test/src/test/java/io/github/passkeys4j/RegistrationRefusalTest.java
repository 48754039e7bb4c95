package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Each check of WebAuthn Level 3 §7.1 (and of our policy) refuses a bad registration and stores nothing. */
class RegistrationRefusalTest {

    private final Fixture fx = new Fixture();

    private void assertRefused(Reason reason, Tamper tamper) {
        String response = fx.registrationResponse("alice", tamper);
        fx.assertRefused(reason, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void refusesACredentialThatIsNotAPublicKey() {
        assertRefused(Reason.WRONG_TYPE, new Tamper().credentialType("password"));
    }

    @Test
    void refusesClientDataOfAnAuthentication() {
        assertRefused(Reason.WRONG_TYPE, new Tamper().clientDataType("webauthn.get"));
    }

    @Test
    void refusesAnOriginThatIsNotAllowed() {
        assertRefused(Reason.ORIGIN_NOT_ALLOWED, new Tamper().origin("https://example.com.evil.test"));
    }

    @Test
    void refusesACrossOriginIframe() {
        assertRefused(Reason.CROSS_ORIGIN_NOT_ALLOWED, new Tamper().crossOrigin(true));
    }

    @Test
    void refusesATopOrigin() {
        assertRefused(
                Reason.CROSS_ORIGIN_NOT_ALLOWED, new Tamper().crossOrigin(true).topOrigin("https://evil.test"));
    }

    @Test
    void refusesACredentialForAnotherRpId() {
        assertRefused(Reason.RP_ID_MISMATCH, new Tamper().rpId("evil.test"));
    }

    @Test
    void refusesWithoutUserPresence() {
        assertRefused(Reason.USER_NOT_PRESENT, new Tamper().userPresent(false));
    }

    @Test
    void refusesWithoutUserVerificationWhenRequired() {
        assertRefused(Reason.USER_NOT_VERIFIED, new Tamper().userVerified(false));
    }

    @Test
    void refusesABackupStateWithoutBackupEligibility() {
        assertRefused(
                Reason.BACKUP_FLAGS_INVALID, new Tamper().backupEligible(false).backupState(true));
    }

    @Test
    void refusesAnAttestationStatementWhoseSignatureDoesNotVerify() {
        SoftwareAuthenticator selfAttesting = new SoftwareAuthenticator().withAttestation(Attestation.packedSelf());
        String response = selfAttesting.register(
                fx.rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN, new Tamper().corruptSignature());

        fx.assertRefused(
                Reason.ATTESTATION_INVALID, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void refusesTheSameCredentialTwiceForTheSameUser() {
        Passkey first = fx.register("alice");
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        String copy =
                new SoftwareAuthenticator().register(options, ORIGIN, new Tamper().credentialId(first.credentialId()));

        fx.assertRefused(
                Reason.CREDENTIAL_ALREADY_REGISTERED,
                () -> fx.rp.finishRegistration(FinishRegistration.of("alice", copy)));
        assertThat(fx.stored(first.credentialId())).isEqualTo(first);
    }

    @Test
    void refusesACredentialAlreadyRegisteredForAnotherUser() {
        Passkey alices = fx.register("alice");
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(StartRegistration.forUser("bob"));
        String copy =
                new SoftwareAuthenticator().register(options, ORIGIN, new Tamper().credentialId(alices.credentialId()));

        fx.assertRefused(
                Reason.CREDENTIAL_ALREADY_REGISTERED,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", copy)));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
        assertThat(fx.users.findByUsername("bob")).isEmpty();
    }

    @Test
    void refusesANameThatIsTooLong() {
        String response = fx.registrationResponse("alice", new Tamper());

        fx.assertRefused(
                Reason.INVALID_NAME,
                () -> fx.rp.finishRegistration(
                        FinishRegistration.of("alice", response).withName("n".repeat(65))));
    }

    @Test
    void refusesANameWithControlCharacters() {
        String response = fx.registrationResponse("alice", new Tamper());

        fx.assertRefused(
                Reason.INVALID_NAME,
                () -> fx.rp.finishRegistration(
                        FinishRegistration.of("alice", response).withName("My\nphone")));
        fx.assertRefused(
                Reason.INVALID_NAME,
                () -> fx.rp.finishRegistration(
                        FinishRegistration.of("alice", response).withName("My\u0000phone")));
        // Shown as "My phone moc.elgoog" stored, read right to left: the bidi overrides and isolates ("Trojan Source").
        for (String spoof : List.of("My phone \u202Egoogle.com", "a\u2066b\u2069", "line\u2028break")) {
            fx.assertRefused(
                    Reason.INVALID_NAME,
                    () -> fx.rp.finishRegistration(
                            FinishRegistration.of("alice", response).withName(spoof)));
        }
    }

    /** What scripts and emoji need: joiners and direction marks, not overrides. */
    @Test
    void acceptsJoinersAndMarksThatScriptsAndEmojiNeed() {
        String response = fx.registrationResponse("alice", new Tamper());

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response)
                .withName("\uD83D\uDC68\u200D\uD83D\uDCBB \u0645\u06CC\u200C\u0634\u0648\u062F \u200F"));

        assertThat(passkey.name()).startsWith("\uD83D\uDC68\u200D\uD83D\uDCBB");
    }

    @Test
    void aRefusedNameLeavesTheCeremonyOpenForABetterOne() {
        String response = fx.registrationResponse("alice", new Tamper());
        fx.assertRefused(
                Reason.INVALID_NAME,
                () -> fx.rp.finishRegistration(
                        FinishRegistration.of("alice", response).withName("\u0007bell")));

        Passkey passkey = fx.rp.finishRegistration(
                FinishRegistration.of("alice", response).withName("bell"));

        assertThat(passkey.name()).isEqualTo("bell");
    }
}
