package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Username-first sign-in with a security key: allowCredentials, no userHandle, bound to the account. */
class UsernameFirstTest {

    private final Fixture fx = new Fixture();
    private final SoftwareAuthenticator securityKey = new SoftwareAuthenticator();

    private Passkey registerSecurityKey(String accountId, String username) {
        return fx.rp.finishRegistration(FinishRegistration.of(
                accountId,
                securityKey.register(
                        fx.rp.startRegistration(StartRegistration.forAccount(accountId, username)),
                        Fixture.ORIGIN,
                        new Tamper().transports("usb", "nfc"))));
    }

    private PublicKeyCredentialRequestOptions options(String username, String accountId) {
        return fx.rp.startAuthentication(StartAuthentication.usernameFirst(username, accountId));
    }

    @Test
    void aKnownUsernameGetsItsPasskeysWithTheirTransports() {
        Passkey key = registerSecurityKey("id-1", "alice");

        PublicKeyCredentialRequestOptions options = options("alice", "id-1");

        assertThat(options.allowCredentials())
                .containsExactly(CredentialDescriptor.publicKey(key.credentialId(), List.of("nfc", "usb")));
        assertThat(options.challenge()).hasSize(88);
    }

    @Test
    void theKeySignsInWithoutAUserHandle() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions options = options("alice", "id-1");

        AuthenticationResult result =
                fx.signIn(securityKey.authenticate(options, Fixture.ORIGIN, new Tamper().omitUserHandle()));

        assertThat(result.user().accountId()).isEqualTo("id-1");
    }

    @Test
    void aChallengeFinishesOnce() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions options = options("alice", "id-1");
        fx.signIn(securityKey.authenticate(options, Fixture.ORIGIN, new Tamper().omitUserHandle()));
        String again = securityKey.authenticate(options, Fixture.ORIGIN, new Tamper().omitUserHandle());

        fx.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> fx.signIn(again));
    }

    @Test
    void anotherAccountsPasskeyCannotFinishIt() {
        registerSecurityKey("id-1", "alice");
        Passkey bobs = fx.register("bob");
        PublicKeyCredentialRequestOptions forAlice = options("alice", "id-1");
        String bobAnswers = fx.authenticator.authenticate(
                forAlice, Fixture.ORIGIN, new Tamper().useCredential(bobs.credentialId()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(bobAnswers));
    }

    @Test
    void aRenamedAccountStillSignsInToItself() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions options = options("alice", "id-1");
        fx.rp.management().updateNames("id-1", "alicia", "Alicia");

        AuthenticationResult result =
                fx.signIn(securityKey.authenticate(options, Fixture.ORIGIN, new Tamper().omitUserHandle()));

        assertThat(result.user().accountId()).isEqualTo("id-1");
        assertThat(result.user().username()).isEqualTo("alicia");
    }

    @Test
    void aUsernameGivenToAnotherAccountMeanwhileDoesNotLetTheNewAccountIn() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions forOldAlice = options("alice", "id-1");
        fx.rp.management().deleteAccount("id-1");
        Passkey newAlices = registerSecurityKey("id-2", "alice");
        String oldKeyAnswers = securityKey.authenticate(forOldAlice, Fixture.ORIGIN, new Tamper().omitUserHandle());
        String newKeyAnswers = securityKey.authenticate(
                forOldAlice, Fixture.ORIGIN, new Tamper().omitUserHandle().useCredential(newAlices.credentialId()));

        // The old account's key is gone (verified against the decoy); the new account's is not the options' account.
        fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(oldKeyAnswers));
        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(newKeyAnswers));
    }

    @Test
    void aBindingOtherThanTheOptionsOneIsRefused() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(
                StartAuthentication.usernameFirst("alice", "id-1").withBrowserBinding("a".repeat(43)));
        String response = securityKey.authenticate(options, Fixture.ORIGIN, new Tamper().omitUserHandle());

        fx.assertRefused(
                Reason.USER_HANDLE_MISMATCH,
                () -> fx.rp.finishAuthentication(
                        new FinishAuthentication(response).withBrowserBinding("b".repeat(43))));
        assertThat(fx.rp.finishAuthentication(new FinishAuthentication(response).withBrowserBinding("a".repeat(43)))
                        .user()
                        .accountId())
                .isEqualTo("id-1");
    }

    @Test
    void aStandInIdFailsLikeAForgedSignatureOnARealOne() {
        Passkey real = registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions forNobody = options("nobody", null);
        String standIn = forNobody.allowCredentials().get(0).id();
        // The attacker signs with a key of their own, naming the stand-in id, and with a forged signature on a real id.
        String namingStandIn = fx.authenticator.authenticate(
                forNobody,
                Fixture.ORIGIN,
                new Tamper()
                        .useCredential(fx.register("mallory").credentialId())
                        .credentialId(standIn)
                        .omitUserHandle());
        PublicKeyCredentialRequestOptions forAlice = options("alice", "id-1");
        String forgedOnReal = securityKey.authenticate(
                forAlice, Fixture.ORIGIN, new Tamper().omitUserHandle().corruptSignature());

        fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(namingStandIn));
        fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(forgedOnReal));
        assertThat(real.credentialId()).isNotEqualTo(standIn);
    }

    @Test
    void aDiscoverableSignInStillNeedsItsUserHandle() {
        registerSecurityKey("id-1", "alice");
        String response = securityKey.authenticate(
                fx.rp.startAuthentication(StartAuthentication.discoverable()),
                Fixture.ORIGIN,
                new Tamper().omitUserHandle());

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
    }

    @Test
    void theBrowserFindsNoKeyForAStandIn() {
        registerSecurityKey("id-1", "alice");
        PublicKeyCredentialRequestOptions forNobody = options("nobody", null);

        assertThatThrownBy(() -> securityKey.authenticate(forNobody, Fixture.ORIGIN))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fx.users.findByAccountId("id-1"))
                .get()
                .extracting(PasskeyUser::username)
                .isEqualTo("alice");
    }
}
