package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Whose passkey answers: the user handle, the allowed credentials, and the counter that reveals clones. */
class OwnershipTest {

    private final SoftwareAuthenticator bobsPhone = new SoftwareAuthenticator();

    @Test
    void refusesAnotherUsersPasskeyWhenSigningInAsANamedUser() {
        Fixture fx = new Fixture();
        Passkey alices = fx.register("alice");
        Passkey bobs = fx.register("bob", bobsPhone);
        PublicKeyCredentialRequestOptions forAlice = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));
        String response = bobsPhone.authenticate(forAlice, ORIGIN, new Tamper().useCredential(bobs.credentialId()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
        assertThat(fx.stored(bobs.credentialId())).isEqualTo(bobs);
    }

    /** A sign-in started for an account that has nothing stored: no passkey is its, so none finishes it. */
    @Test
    void refusesEveryPasskeyForAnAccountWithoutPasskeys() {
        Fixture fx = new Fixture(builder -> builder.requireUserHandleMatch(false));
        Passkey bobs = fx.register("bob", bobsPhone);
        PublicKeyCredentialRequestOptions forNobody =
                fx.rp.startAuthentication(StartAuthentication.forAccount("account-without-passkeys"));
        assertThat(forNobody.allowCredentials()).isEmpty();
        String response = bobsPhone.authenticate(forNobody, ORIGIN, new Tamper().useCredential(bobs.credentialId()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
        assertThat(fx.stored(bobs.credentialId())).isEqualTo(bobs);
    }

    @Test
    void refusesAnotherUsersPasskeyForANamedUserEvenWithoutTheUserHandleCheck() {
        Fixture fx = new Fixture(builder -> builder.requireUserHandleMatch(false));
        fx.register("alice");
        Passkey bobs = fx.register("bob", bobsPhone);
        PublicKeyCredentialRequestOptions forAlice = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));
        String response = bobsPhone.authenticate(forAlice, ORIGIN, new Tamper().useCredential(bobs.credentialId()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
    }

    @Test
    void refusesAUserHandleThatIsNotTheOwners() {
        Fixture fx = new Fixture();
        Passkey alices = fx.register("alice");
        fx.register("bob", bobsPhone);
        String response = bobsPhone.authenticate(
                fx.rp.startAuthentication(StartAuthentication.discoverable()),
                ORIGIN,
                new Tamper().userHandle(alices.userHandle()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
    }

    @Test
    void refusesAUserHandleThatIsNotTheOwnersForANamedUserToo() {
        Fixture fx = new Fixture();
        fx.register("alice");
        Passkey bobs = fx.register("bob", bobsPhone);
        String response =
                fx.assertion(StartAuthentication.forUser("alice"), new Tamper().userHandle(bobs.userHandle()));

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
    }

    @Test
    void refusesADiscoverableSignInWithoutAUserHandle() {
        Fixture fx = new Fixture();
        Passkey alices = fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().omitUserHandle());

        fx.assertRefused(Reason.USER_HANDLE_MISMATCH, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void acceptsAMissingUserHandleWhenTheCheckIsOff() {
        Fixture fx = new Fixture(builder -> builder.requireUserHandleMatch(false));
        Passkey alices = fx.register("alice");

        AuthenticationResult result =
                fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper().omitUserHandle()));

        assertThat(result.user().userHandle()).isEqualTo(alices.userHandle());
        assertThat(fx.stored(alices.credentialId()).signCount()).isEqualTo(1);
    }

    @Test
    void aDifferentUserHandleNeverSignsInAsItsUser() {
        Fixture fx = new Fixture(builder -> builder.requireUserHandleMatch(false));
        Passkey alices = fx.register("alice");
        fx.register("bob", bobsPhone);
        String response = bobsPhone.authenticate(
                fx.rp.startAuthentication(StartAuthentication.discoverable()),
                ORIGIN,
                new Tamper().userHandle(alices.userHandle()));

        AuthenticationResult result = fx.signIn(response);

        assertThat(result.user().username())
                .as("the passkey's owner, not the claimed user")
                .isEqualTo("bob");
    }

    @Test
    void refusesAPasskeyOfTheUserThatWasNotOffered() {
        Fixture fx = new Fixture();
        fx.register("alice");
        SoftwareAuthenticator oldKey = new SoftwareAuthenticator();
        Passkey disabled = fx.register("alice", oldKey);
        fx.passkeys.updateSettings(disabled.withEnabled(false));
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));
        String response = oldKey.authenticate(options, ORIGIN, new Tamper().useCredential(disabled.credentialId()));

        fx.assertRefused(Reason.CREDENTIAL_NOT_ALLOWED, () -> fx.signIn(response));
    }

    @Test
    void refusesASignCounterThatWentBackwards() {
        Fixture fx = counterAtFive(builder -> {});
        Passkey alices = fx.register("alice");
        assertThat(alices.signCount()).isEqualTo(5);
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().signCount(3));

        fx.assertRefused(Reason.SIGN_COUNTER_REGRESSED, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId()).signCount()).isEqualTo(5);
    }

    @Test
    void refusesASignCounterThatStoodStill() {
        Fixture fx = counterAtFive(builder -> {});
        Passkey alices = fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().signCount(5));

        fx.assertRefused(Reason.SIGN_COUNTER_REGRESSED, () -> fx.signIn(response));
        assertThat(fx.stored(alices.credentialId())).isEqualTo(alices);
    }

    @Test
    void acceptsASignCounterThatWentBackwardsWhenTheCheckIsOff() {
        Fixture fx = counterAtFive(builder -> builder.refuseSignCounterRegression(false));
        fx.register("alice");

        AuthenticationResult result =
                fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper().signCount(3)));

        assertThat(result.user().username()).isEqualTo("alice");
    }

    private static Fixture counterAtFive(java.util.function.Consumer<RelyingParty.Builder> settings) {
        return new Fixture(new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 5, 1), settings);
    }
}
