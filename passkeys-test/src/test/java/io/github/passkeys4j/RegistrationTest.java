package io.github.passkeys4j;

import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration ceremonies that succeed, and what they store. */
class RegistrationTest {

    private final Fixture fx = new Fixture();

    @Test
    void storesThePasskeyWithEveryField() {
        fx.clock.advance(Duration.ofSeconds(42));
        PublicKeyCredentialCreationOptions options =
                fx.rp.startRegistration(StartRegistration.forUser("alice").withDisplayName("Alice A."));
        String response = fx.authenticator.register(options, ORIGIN);

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        SoftwareAuthenticator.Credential made = fx.authenticator.credentials().get(0);
        assertThat(passkey.credentialId()).isEqualTo(made.credentialId());
        assertThat(passkey.userHandle()).isEqualTo(options.user().id()).isEqualTo(made.userHandle());
        assertThat(Base64.getUrlDecoder().decode(passkey.publicKey())).isNotEmpty();
        assertThat(passkey.signCount()).isZero();
        assertThat(passkey.aaguid()).isEqualTo(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER);
        assertThat(passkey.transports()).containsExactlyInAnyOrder("hybrid", "internal");
        assertThat(passkey.backupEligible()).isTrue();
        assertThat(passkey.backupState()).isTrue();
        assertThat(passkey.uvInitialized()).isTrue();
        assertThat(passkey.createdAt()).isEqualTo(Fixture.START.plusSeconds(42));
        assertThat(passkey.lastUsedAt()).isNull();
        assertThat(passkey.name()).isEqualTo("Google Password Manager");
        assertThat(passkey.enabled()).isTrue();
        assertThat(passkey.authenticatorAttachment()).isEqualTo("platform");
        assertThat(passkey.discoverable()).isTrue();
        assertThat(passkey.attestationFormat()).isEqualTo("none");
        assertThat(passkey.attestationObject())
                .as("kept only with keepAttestation(true)")
                .isNull();
        assertThat(passkey.clientDataJSON()).isNull();
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
        assertThat(fx.passkeys.findByUserHandle(passkey.userHandle())).containsExactly(passkey);
    }

    @Test
    void storesTheUserHandleMapping() {
        PublicKeyCredentialCreationOptions options =
                fx.rp.startRegistration(StartRegistration.forUser("alice").withDisplayName("Alice A."));
        assertThat(fx.users.findByUsername("alice"))
                .as("nothing is stored before a passkey is")
                .isEmpty();

        fx.rp.finishRegistration(FinishRegistration.of("alice", fx.authenticator.register(options, ORIGIN)));

        PasskeyUser alice = PasskeyUser.builder()
                .userHandle(options.user().id())
                .accountId("alice")
                .username("alice")
                .displayName("Alice A.")
                .build();
        assertThat(fx.users.findByUsername("alice")).contains(alice);
        assertThat(fx.users.findByUserHandle(options.user().id())).contains(alice);
    }

    @Test
    void aKnownUserKeepsTheirUserHandle() {
        Passkey first = fx.register("alice");
        fx.clock.advance(Duration.ofMinutes(1));

        PublicKeyCredentialCreationOptions again = fx.rp.startRegistration(StartRegistration.forUser("alice"));

        assertThat(again.user().id()).isEqualTo(first.userHandle());
        SoftwareAuthenticator secondDevice = new SoftwareAuthenticator();
        Passkey second = fx.rp.finishRegistration(FinishRegistration.of("alice", secondDevice.register(again, ORIGIN)));
        assertThat(fx.passkeys.findByUserHandle(first.userHandle())).containsExactly(first, second);
    }

    @Test
    void keepsTheNameTheUserGaveTrimmed() {
        String response = fx.registrationResponse("alice", new Tamper());

        Passkey passkey = fx.rp.finishRegistration(
                FinishRegistration.of("alice", response).withName("  Work laptop  "));

        assertThat(passkey.name()).isEqualTo("Work laptop");
    }

    @Test
    void acceptsANameOfSixtyFourCharacters() {
        String name = "n".repeat(64);
        Passkey passkey =
                fx.rp.finishRegistration(FinishRegistration.of("alice", fx.registrationResponse("alice", new Tamper()))
                        .withName(name));

        assertThat(passkey.name()).isEqualTo(name);
    }

    @Test
    void namesAPasskeyOfAnUnknownProviderGenerically() {
        String response = fx.registrationResponse("alice", new Tamper().aaguid(UUID.randomUUID()));

        Passkey passkey = fx.rp.finishRegistration(
                FinishRegistration.of("alice", response).withName(" "));

        assertThat(passkey.name()).isEqualTo("Passkey");
    }

    @Test
    void storesTheFlagsAndTransportsAsReported() {
        String response = fx.registrationResponse(
                "alice", new Tamper().backupEligible(false).backupState(false).transports("usb"));

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        assertThat(passkey.backupEligible()).isFalse();
        assertThat(passkey.backupState()).isFalse();
        assertThat(passkey.transports()).containsExactly("usb");
    }

    @Test
    void storesTheInitialCounter() {
        Fixture counting = new Fixture(
                new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 7, 1), builder -> {});

        assertThat(counting.register("alice").signCount()).isEqualTo(7);
    }

    @Test
    void acceptsAResponseWithoutUserVerificationWhenOnlyPreferred() {
        Fixture preferred = new Fixture(builder -> builder.userVerification(UserVerification.PREFERRED));
        String response = preferred.registrationResponse("alice", new Tamper().userVerified(false));

        Passkey passkey = preferred.rp.finishRegistration(FinishRegistration.of("alice", response));

        assertThat(passkey.uvInitialized()).isFalse();
        assertThat(preferred.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void acceptsAResponseJustBeforeTheChallengeExpires() {
        String response = fx.registrationResponse("alice", new Tamper());
        fx.clock.advance(Duration.ofMinutes(5));

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        assertThat(passkey.createdAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void keepsTheRawAttestationWhenAskedTo() throws Exception {
        Fixture keeping = new Fixture(builder -> builder.keepAttestation(true));
        String response = keeping.registrationResponse("alice", new Tamper());

        Passkey passkey = keeping.rp.finishRegistration(FinishRegistration.of("alice", response));

        var json = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(response)
                .path("response");
        assertThat(passkey.attestationObject())
                .isEqualTo(json.path("attestationObject").asString());
        assertThat(passkey.clientDataJSON())
                .isEqualTo(json.path("clientDataJSON").asString());
        assertThat(passkey.attestationFormat()).isEqualTo("none");
        assertThat(keeping.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void anAttachmentOrCredPropsTheClientDidNotReportIsUnknown() {
        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of(
                "alice",
                fx.registrationResponse(
                        "alice", new Tamper().authenticatorAttachment(null).credPropsRk(null))));

        assertThat(passkey.authenticatorAttachment()).isNull();
        assertThat(passkey.discoverable()).isNull();
    }

    @Test
    void aCrossPlatformNonDiscoverableCredentialSaysSo() {
        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of(
                "alice",
                fx.registrationResponse(
                        "alice",
                        new Tamper().authenticatorAttachment("cross-platform").credPropsRk(false))));

        assertThat(passkey.authenticatorAttachment()).isEqualTo("cross-platform");
        assertThat(passkey.discoverable()).isFalse();
    }

    @Test
    void anAttachmentOutsideTheSpecIsDroppedNotRefused() {
        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of(
                "alice", fx.registrationResponse("alice", new Tamper().authenticatorAttachment("watch"))));

        assertThat(passkey.authenticatorAttachment()).isNull();
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
    }
}
