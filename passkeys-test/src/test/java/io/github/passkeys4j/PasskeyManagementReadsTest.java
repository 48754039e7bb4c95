package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a web layer reads and keeps in step without reaching into storage: active passkeys, the account's names. */
class PasskeyManagementReadsTest {

    private final Fixture fx = new Fixture();
    private final PasskeyManagement management = fx.rp.management();

    @Test
    void aPasskeyIsActiveWhileStoredAndEnabled() {
        Passkey phone = fx.register("alice");
        assertThat(management.isActive(phone.credentialId())).isTrue();

        management.setEnabled("alice", phone.credentialId(), false, OtherSignIn.AVAILABLE);
        assertThat(management.isActive(phone.credentialId())).isFalse();

        management.setEnabled("alice", phone.credentialId(), true, OtherSignIn.AVAILABLE);
        management.delete("alice", phone.credentialId(), OtherSignIn.AVAILABLE);
        assertThat(management.isActive(phone.credentialId())).isFalse();
        assertThat(management.isActive("AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    }

    @Test
    void updatesTheAccountsNamesOnlyWhenTheyChanged() {
        fx.register("alice");
        PasskeyUser stored = management.account("alice").orElseThrow();
        int writes = fx.state().writes();

        assertThat(management.updateNames("alice", stored.username(), stored.displayName()))
                .contains(stored);
        assertThat(fx.state().writes()).isEqualTo(writes);

        PasskeyUser renamed =
                management.updateNames("alice", "alice.smith", "Alice Smith").orElseThrow();
        assertThat(renamed.userHandle()).isEqualTo(stored.userHandle());
        assertThat(renamed.username()).isEqualTo("alice.smith");
        assertThat(renamed.displayName()).isEqualTo("Alice Smith");
        assertThat(management.account("alice")).contains(renamed);
    }

    @Test
    void updatesNoNamesOfAnAccountWithoutPasskeys() {
        int writes = fx.state().writes();

        assertThat(management.updateNames("nobody", "nobody", "Nobody")).isEmpty();
        assertThat(fx.state().writes()).isEqualTo(writes);
    }
}
