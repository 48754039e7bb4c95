package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Management never locks a user out: the last enabled passkey of an account without a password stays. */
class LastSignInMethodTest {

    private final Fixture fx = new Fixture();
    private final PasskeyManagement management = fx.rp.management();
    private final SoftwareAuthenticator laptop = new SoftwareAuthenticator();

    @Test
    void theOnlyPasskeyOfAnAccountWithoutAPasswordCannotBeDisabledOrDeleted() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();

        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD, () -> management.setEnabled("alice", id, false, OtherSignIn.NONE));
        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD, () -> management.delete("alice", id, OtherSignIn.NONE));

        assertThat(fx.stored(id)).isEqualTo(phone);
    }

    @Test
    void anotherUsersPasskeysAreNoWayIn() {
        Passkey alices = fx.register("alice");
        fx.register("bob", laptop);

        fx.assertRefused(
                Reason.LAST_SIGN_IN_METHOD, () -> management.delete("alice", alices.credentialId(), OtherSignIn.NONE));
    }

    @Test
    void theOnlyPasskeyCanBeDisabledWhenThereIsAnotherWayIn() {
        Passkey phone = fx.register("alice");

        Passkey disabled = management.setEnabled("alice", phone.credentialId(), false, OtherSignIn.AVAILABLE);

        assertThat(disabled.enabled()).isFalse();
        assertThat(fx.stored(phone.credentialId())).isEqualTo(disabled);
    }

    @Test
    void theOnlyPasskeyCanBeDeletedWhenThereIsAnotherWayIn() {
        Passkey phone = fx.register("alice");

        management.delete("alice", phone.credentialId(), OtherSignIn.AVAILABLE);

        assertThat(management.list("alice")).isEmpty();
    }

    @Test
    void aPasskeyCanBeDisabledOrDeletedWhileAnotherIsEnabled() {
        Passkey phone = fx.register("alice");
        Passkey laptops = fx.register("alice", laptop);

        management.setEnabled("alice", phone.credentialId(), false, OtherSignIn.NONE);
        assertThat(fx.stored(phone.credentialId()).enabled()).isFalse();

        // The laptop is now the last enabled one.
        fx.assertRefused(
                Reason.LAST_SIGN_IN_METHOD,
                () -> management.setEnabled("alice", laptops.credentialId(), false, OtherSignIn.NONE));
        fx.assertRefused(
                Reason.LAST_SIGN_IN_METHOD, () -> management.delete("alice", laptops.credentialId(), OtherSignIn.NONE));

        management.setEnabled("alice", phone.credentialId(), true, OtherSignIn.NONE);
        management.delete("alice", laptops.credentialId(), OtherSignIn.NONE);

        assertThat(management.list("alice")).containsExactly(phone);
    }

    @Test
    void aDisabledPasskeyCanBeDeletedEvenWhenNoneIsEnabled() {
        Passkey phone = fx.register("alice");
        Passkey laptops = fx.register("alice", laptop);
        management.setEnabled("alice", phone.credentialId(), false, OtherSignIn.AVAILABLE);
        management.setEnabled("alice", laptops.credentialId(), false, OtherSignIn.AVAILABLE);

        Passkey deleted = management.delete("alice", phone.credentialId(), OtherSignIn.NONE);

        assertThat(deleted.enabled()).isFalse();
        assertThat(management.list("alice")).containsExactly(laptops.withEnabled(false));
    }

    @Test
    void anAlreadyDisabledPasskeyCanBeDisabledAgainAndEnabledWithoutAnotherWayIn() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();
        management.setEnabled("alice", id, false, OtherSignIn.AVAILABLE);

        assertThat(management.setEnabled("alice", id, false, OtherSignIn.NONE).enabled())
                .isFalse();
        assertThat(management.setEnabled("alice", id, true, OtherSignIn.NONE).enabled())
                .isTrue();
        assertThat(fx.stored(id)).isEqualTo(phone);
    }
}
