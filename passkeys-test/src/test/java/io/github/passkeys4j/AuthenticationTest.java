package io.github.passkeys4j;

import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Authentication ceremonies that succeed, and what they record. */
class AuthenticationTest {

    private final Fixture fx = new Fixture();

    @Test
    void aDiscoverableSignInSaysWhoAndRecordsTheUse() {
        Passkey registered = fx.register("alice");
        fx.register("bob", new SoftwareAuthenticator());
        fx.clock.advance(Duration.ofHours(1));

        AuthenticationResult result = fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()));

        assertThat(result.user())
                .isEqualTo(PasskeyUser.builder()
                        .userHandle(registered.userHandle())
                        .accountId("alice")
                        .username("alice")
                        .build());
        assertThat(result.userVerified()).isTrue();
        Passkey used = result.passkey();
        assertThat(used.credentialId()).isEqualTo(registered.credentialId());
        assertThat(used.signCount()).isEqualTo(1);
        assertThat(used.lastUsedAt()).isEqualTo(Fixture.START.plus(Duration.ofHours(1)));
        assertThat(used.createdAt()).isEqualTo(registered.createdAt());
        assertThat(used.publicKey()).isEqualTo(registered.publicKey());
        assertThat(fx.stored(registered.credentialId())).isEqualTo(used);
    }

    @Test
    void eachSignInAdvancesTheStoredCounter() {
        Passkey registered = fx.register("alice");

        fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()));
        fx.clock.advance(Duration.ofMinutes(1));
        AuthenticationResult second = fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()));

        assertThat(second.passkey().signCount()).isEqualTo(2);
        assertThat(fx.stored(registered.credentialId()).signCount()).isEqualTo(2);
        assertThat(fx.stored(registered.credentialId()).lastUsedAt()).isEqualTo(Fixture.START.plusSeconds(60));
    }

    @Test
    void aPasskeyThatDoesNotCountSignsInAgainAndAgain() {
        Fixture synced = new Fixture(
                new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 0, 0), builder -> {});
        Passkey registered = synced.register("alice");

        synced.signIn(synced.assertion(StartAuthentication.discoverable(), new Tamper()));
        AuthenticationResult again = synced.signIn(synced.assertion(StartAuthentication.discoverable(), new Tamper()));

        assertThat(again.user().userHandle()).isEqualTo(registered.userHandle());
        assertThat(synced.stored(registered.credentialId()).signCount()).isZero();
    }

    @Test
    void aNamedUserSignsInWithAnAllowedPasskey() {
        fx.register("bob", new SoftwareAuthenticator());
        Passkey alices = fx.register("alice");
        PublicKeyCredentialRequestOptions options = fx.rp.startAuthentication(StartAuthentication.forUser("alice"));
        assertThat(options.allowCredentials()).extracting(d -> d.id()).containsExactly(alices.credentialId());

        AuthenticationResult result = fx.signIn(fx.authenticator.authenticate(options, ORIGIN));

        assertThat(result.user().username()).isEqualTo("alice");
        assertThat(result.passkey().credentialId()).isEqualTo(alices.credentialId());
    }

    @Test
    void aNamedUserMayOmitTheUserHandle() {
        Passkey alices = fx.register("alice");

        AuthenticationResult result =
                fx.signIn(fx.assertion(StartAuthentication.forUser("alice"), new Tamper().omitUserHandle()));

        assertThat(result.passkey().credentialId()).isEqualTo(alices.credentialId());
    }

    @Test
    void recordsTheBackupStateAndUserVerificationOfTheUse() {
        Fixture preferred = new Fixture(builder -> builder.userVerification(UserVerification.PREFERRED));
        String response = preferred.registrationResponse(
                "alice", new Tamper().userVerified(false).backupState(false));
        Passkey registered = preferred.rp.finishRegistration(FinishRegistration.of("alice", response));
        assertThat(registered.uvInitialized()).isFalse();
        assertThat(registered.backupState()).isFalse();

        AuthenticationResult unverified = preferred.signIn(
                preferred.assertion(StartAuthentication.discoverable(), new Tamper().userVerified(false)));
        assertThat(unverified.userVerified()).isFalse();
        assertThat(unverified.passkey().uvInitialized()).isFalse();

        AuthenticationResult verified =
                preferred.signIn(preferred.assertion(StartAuthentication.discoverable(), new Tamper()));
        assertThat(verified.userVerified()).isTrue();
        assertThat(preferred.stored(registered.credentialId()).uvInitialized()).isTrue();
        assertThat(preferred.stored(registered.credentialId()).backupState()).isTrue();
    }

    @Test
    void acceptsAResponseJustBeforeTheChallengeExpires() {
        fx.register("alice");
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper());
        fx.clock.advance(Duration.ofMinutes(5));

        assertThat(fx.signIn(response).user().username()).isEqualTo("alice");
    }

    @Test
    void acceptsAnOriginListedBesideTheDefault() {
        Fixture dev = new Fixture(builder -> builder.origins(java.util.Set.of(ORIGIN, "http://localhost:8080")));
        dev.register("alice");
        PublicKeyCredentialRequestOptions options = dev.rp.startAuthentication(StartAuthentication.discoverable());

        AuthenticationResult result = dev.signIn(dev.authenticator.authenticate(options, "http://localhost:8080"));

        assertThat(result.user().username()).isEqualTo("alice");
    }
}
