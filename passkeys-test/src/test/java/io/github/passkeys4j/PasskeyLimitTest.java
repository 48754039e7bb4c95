package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An account holds at most {@code maxPasskeysPerUser} passkeys, checked when a registration starts and finishes. */
class PasskeyLimitTest {

    private final SoftwareAuthenticator laptop = new SoftwareAuthenticator();
    private final SoftwareAuthenticator securityKey = new SoftwareAuthenticator();

    @Test
    void defaultsTo20() {
        assertThat(RelyingParty.builder("example.com", "Example").build().maxPasskeysPerUser())
                .isEqualTo(20);
    }

    @Test
    void theBuilderRefusesALimitBelowOne() {
        RelyingParty.Builder builder = RelyingParty.builder("example.com", "Example");

        assertThatThrownBy(() -> builder.maxPasskeysPerUser(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPasskeysPerUser");
        assertThatThrownBy(() -> builder.maxPasskeysPerUser(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPasskeysPerUser");
        assertThat(builder.maxPasskeysPerUser(1).build().maxPasskeysPerUser()).isEqualTo(1);
    }

    @Test
    void refusesToStartARegistrationForAFullAccount() {
        CountingPendingCeremonyStore pending = new CountingPendingCeremonyStore(java.time.Clock.systemUTC());
        Fixture fx = new Fixture(builder -> builder.maxPasskeysPerUser(2).pendingCeremonies(pending));
        fx.register("alice");
        fx.register("alice", laptop);
        int saves = pending.saves.get();

        fx.assertRefused(Reason.TOO_MANY_PASSKEYS, () -> fx.rp.startRegistration(StartRegistration.forUser("alice")));

        assertThat(pending.saves).as("no ceremony remembered").hasValue(saves);
        assertThat(fx.rp.management().list("alice")).hasSize(2);
        fx.register("bob", securityKey);
    }

    @Test
    void disabledPasskeysCountToo() {
        Fixture fx = new Fixture(builder -> builder.maxPasskeysPerUser(1));
        Passkey phone = fx.register("alice");
        fx.rp.management().setEnabled("alice", phone.credentialId(), false, OtherSignIn.AVAILABLE);

        fx.assertRefused(Reason.TOO_MANY_PASSKEYS, () -> fx.rp.startRegistration(StartRegistration.forUser("alice")));
    }

    @Test
    void refusesToFinishARegistrationWhenAnotherFilledTheAccountMeanwhile() {
        Fixture fx = new Fixture(builder -> builder.maxPasskeysPerUser(2));
        fx.register("alice");
        PublicKeyCredentialCreationOptions first = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        PublicKeyCredentialCreationOptions second = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        String fromLaptop = laptop.register(first, ORIGIN);
        String fromKey = securityKey.register(second, ORIGIN);
        Passkey laptops = fx.rp.finishRegistration(FinishRegistration.of("alice", fromLaptop));

        fx.assertRefused(
                Reason.TOO_MANY_PASSKEYS,
                () -> fx.rp.finishRegistration(
                        FinishRegistration.of("alice", fromKey).withName("Key")));

        String keysId = securityKey.credentials().get(0).credentialId();
        assertThat(fx.passkeys.findByCredentialId(keysId)).isEmpty();
        assertThat(fx.rp.management().list("alice")).hasSize(2).contains(laptops);
    }

    @Test
    void deletingAPasskeyMakesRoomAgain() {
        Fixture fx = new Fixture(builder -> builder.maxPasskeysPerUser(1));
        Passkey phone = fx.register("alice");
        fx.rp.management().delete("alice", phone.credentialId(), OtherSignIn.AVAILABLE);

        Passkey laptops = fx.register("alice", laptop);

        assertThat(fx.rp.management().list("alice")).containsExactly(laptops);
    }

    @Test
    void twoRegistrationsStartedForANewUserStoreOnlyOne() {
        // Both ceremonies are started before the account exists, so each makes its own user handle.
        Fixture fx = new Fixture(builder -> builder.maxPasskeysPerUser(1));
        PublicKeyCredentialCreationOptions first = fx.rp.startRegistration(StartRegistration.forUser("carol"));
        PublicKeyCredentialCreationOptions second = fx.rp.startRegistration(StartRegistration.forUser("carol"));
        String fromLaptop = laptop.register(first, ORIGIN);
        String fromKey = securityKey.register(second, ORIGIN);
        Passkey laptops = fx.rp.finishRegistration(FinishRegistration.of("carol", fromLaptop));

        fx.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishRegistration(FinishRegistration.of("carol", fromKey)));

        assertThat(fx.state().passkeys()).containsOnlyKeys(laptops.credentialId());
        assertThat(fx.rp.management().list("carol")).containsExactly(laptops);
    }
}
