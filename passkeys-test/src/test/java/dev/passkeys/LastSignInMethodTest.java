package dev.passkeys;

import dev.passkeys.PasskeyException.Reason;
import dev.passkeys.store.Passkey;
import dev.passkeys.testing.SoftwareAuthenticator;
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

        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD, () -> management.setEnabled("alice", id, false, false));
        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD, () -> management.delete("alice", id, false));

        assertThat(fx.stored(id)).isEqualTo(phone);
    }

    @Test
    void anotherUsersPasskeysAreNoWayIn() {
        Passkey alices = fx.register("alice");
        fx.register("bob", laptop);

        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD,
                () -> management.delete("alice", alices.credentialId(), false));
    }

    @Test
    void theOnlyPasskeyCanBeDisabledWhenThereIsAnotherWayIn() {
        Passkey phone = fx.register("alice");

        Passkey disabled = management.setEnabled("alice", phone.credentialId(), false, true);

        assertThat(disabled.enabled()).isFalse();
        assertThat(fx.stored(phone.credentialId())).isEqualTo(disabled);
    }

    @Test
    void theOnlyPasskeyCanBeDeletedWhenThereIsAnotherWayIn() {
        Passkey phone = fx.register("alice");

        management.delete("alice", phone.credentialId(), true);

        assertThat(management.list("alice")).isEmpty();
    }

    @Test
    void aPasskeyCanBeDisabledOrDeletedWhileAnotherIsEnabled() {
        Passkey phone = fx.register("alice");
        Passkey laptops = fx.register("alice", laptop);

        management.setEnabled("alice", phone.credentialId(), false, false);
        assertThat(fx.stored(phone.credentialId()).enabled()).isFalse();

        // The laptop is now the last enabled one.
        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD,
                () -> management.setEnabled("alice", laptops.credentialId(), false, false));
        fx.assertRefused(Reason.LAST_SIGN_IN_METHOD,
                () -> management.delete("alice", laptops.credentialId(), false));

        management.setEnabled("alice", phone.credentialId(), true, false);
        management.delete("alice", laptops.credentialId(), false);

        assertThat(management.list("alice")).containsExactly(phone);
    }

    @Test
    void aDisabledPasskeyCanBeDeletedEvenWhenNoneIsEnabled() {
        Passkey phone = fx.register("alice");
        Passkey laptops = fx.register("alice", laptop);
        management.setEnabled("alice", phone.credentialId(), false, true);
        management.setEnabled("alice", laptops.credentialId(), false, true);

        Passkey deleted = management.delete("alice", phone.credentialId(), false);

        assertThat(deleted.enabled()).isFalse();
        assertThat(management.list("alice")).containsExactly(laptops.withEnabled(false));
    }

    @Test
    void anAlreadyDisabledPasskeyCanBeDisabledAgainAndEnabledWithoutAnotherWayIn() {
        Passkey phone = fx.register("alice");
        String id = phone.credentialId();
        management.setEnabled("alice", id, false, true);

        assertThat(management.setEnabled("alice", id, false, false).enabled()).isFalse();
        assertThat(management.setEnabled("alice", id, true, false).enabled()).isTrue();
        assertThat(fx.stored(id)).isEqualTo(phone);
    }
}
