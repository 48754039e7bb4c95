package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check of WebAuthn Level 3 §7.2 on the client data, the authenticator data and the signature refuses a bad
 * assertion and changes nothing stored (counter, last use, flags).
 */
class AuthenticationRefusalTest {

    private final Fixture fx = new Fixture();
    private Passkey alices;

    @BeforeEach
    void registerAlice() {
        alices = fx.register("alice");
    }

    private void assertRefused(Reason reason, Tamper tamper) {
        String response = fx.assertion(StartAuthentication.discoverable(), tamper);
        fx.assertRefused(reason, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void refusesSignedExtensionsThatAreNotAMap() {
        // Found by AuthenticationFuzzProperties: ED set and a CBOR text string where the extensions map belongs made
        // webauthn4j's extension reader throw a ClassCastException (a 500 on the web) instead of a parse error.
        Tamper tamper = new Tamper().rewriteAuthenticatorData(authData -> {
            byte[] bytes = java.util.Arrays.copyOf(authData, authData.length + 5);
            bytes[32] |= (byte) 0x80;
            System.arraycopy(new byte[] {0x64, 'f', 'u', 'z', 'z'}, 0, bytes, authData.length, 5);
            return bytes;
        });
        assertRefused(Reason.MALFORMED_RESPONSE, tamper);
    }

    @Test
    void refusesACredentialThatIsNotAPublicKey() {
        assertRefused(Reason.WRONG_TYPE, new Tamper().credentialType("password"));
    }

    @Test
    void refusesClientDataOfARegistration() {
        assertRefused(Reason.WRONG_TYPE, new Tamper().clientDataType("webauthn.create"));
    }

    @Test
    void refusesAnOriginThatIsNotAllowed() {
        assertRefused(Reason.ORIGIN_NOT_ALLOWED, new Tamper().origin("https://evil.test"));
    }

    @Test
    void refusesAnOriginThatOnlyDiffersInScheme() {
        assertRefused(Reason.ORIGIN_NOT_ALLOWED, new Tamper().origin("http://example.com"));
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
    void refusesATopOriginEvenWithoutTheCrossOriginFlag() {
        assertRefused(Reason.CROSS_ORIGIN_NOT_ALLOWED, new Tamper().topOrigin("https://evil.test"));
    }

    @Test
    void refusesAnAssertionForAnotherRpId() {
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
    void acceptsWithoutUserVerificationWhenOnlyPreferred() {
        Fixture preferred = new Fixture(builder -> builder.userVerification(UserVerification.PREFERRED));
        Passkey registered = preferred.register("alice");

        AuthenticationResult result = preferred.signIn(
                preferred.assertion(StartAuthentication.discoverable(), new Tamper().userVerified(false)));

        assertThat(result.userVerified()).isFalse();
        assertThat(preferred.stored(registered.credentialId()).signCount()).isEqualTo(1);
    }

    @Test
    void refusesABadSignature() {
        assertRefused(Reason.BAD_SIGNATURE, new Tamper().corruptSignature());
    }

    @Test
    void refusesAPasskeyThatStoppedBeingBackupEligible() {
        assertRefused(
                Reason.BACKUP_FLAGS_INVALID, new Tamper().backupEligible(false).backupState(false));
    }

    @Test
    void refusesAnUnknownCredential() {
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        assertRefused(Reason.UNKNOWN_CREDENTIAL, new Tamper().credentialId(unknown));
    }

    @Test
    void refusesADeletedPasskey() {
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.passkeys.delete(alices.credentialId());

        fx.assertRefused(Reason.UNKNOWN_CREDENTIAL, () -> fx.signIn(response));
        assertThat(fx.passkeys.findByCredentialId(alices.credentialId())).isEmpty();
    }

    @Test
    void refusesADisabledPasskey() {
        Passkey disabled = alices.withEnabled(false);
        fx.passkeys.updateSettings(disabled);
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());

        fx.assertRefused(Reason.PASSKEY_DISABLED, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(disabled);
    }

    @Test
    void aDisabledPasskeyWithABadSignatureSaysOnlyThatTheSignatureIsBad() {
        fx.passkeys.updateSettings(alices.withEnabled(false));
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().corruptSignature());

        fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(response));
    }
}
