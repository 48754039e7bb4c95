package io.github.passkeys4j.store;

import io.github.passkeys4j.PasskeyException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory repositories keep their indexes (by user, by username) in step with every write. */
class InMemoryRepositoriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static Passkey passkey(String id, String user, Instant createdAt) {
        return Passkey.builder()
                .credentialId(id)
                .userHandle(user)
                .publicKey("key-" + id)
                .backupEligible(true)
                .backupState(true)
                .uvInitialized(true)
                .createdAt(createdAt)
                .name(id)
                .build();
    }

    @Test
    void passkeysAreFoundByUserOldestFirstAndLeaveTheIndexWhenDeleted() {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        passkeys.add(passkey("b", "alice", T0.plusSeconds(2)));
        passkeys.add(passkey("a", "alice", T0.plusSeconds(1)));
        passkeys.add(passkey("c", "bob", T0));

        assertThat(passkeys.findByUserHandle("alice"))
                .extracting(Passkey::credentialId)
                .containsExactly("a", "b");
        assertThat(passkeys.findByUserHandle("nobody")).isEmpty();

        assertThat(passkeys.delete("b")).isTrue();
        assertThat(passkeys.delete("b")).isFalse();
        assertThat(passkeys.findByUserHandle("alice"))
                .extracting(Passkey::credentialId)
                .containsExactly("a");
        assertThat(passkeys.updateSettings(passkey("b", "alice", T0))).isFalse();
        assertThat(passkeys.deleteByUserHandle("alice")).isEqualTo(1);
        assertThat(passkeys.findByUserHandle("alice")).isEmpty();
        assertThat(passkeys.findByUserHandle("bob"))
                .extracting(Passkey::credentialId)
                .containsExactly("c");
    }

    @Test
    void updateSettingsKeepsASignInRecordedMeanwhile() {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        Passkey read = passkey("a", "alice", T0);
        passkeys.add(read);
        assertThat(passkeys.recordUse(read.usedAt(T0.plusSeconds(5), 7, true, true), 0))
                .isTrue();

        assertThat(passkeys.updateSettings(read.withName("Renamed").withEnabled(false)))
                .isTrue();

        Passkey now = passkeys.findByCredentialId("a").orElseThrow();
        assertThat(now.name()).isEqualTo("Renamed");
        assertThat(now.enabled()).isFalse();
        assertThat(now.signCount()).isEqualTo(7);
        assertThat(passkeys.updateSettings(passkey("missing", "alice", T0))).isFalse();
    }

    @Test
    void aDuplicateCredentialIsRefusedAndChangesNothing() {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        passkeys.add(passkey("a", "alice", T0));

        assertThatThrownBy(() -> passkeys.add(passkey("a", "bob", T0.plusSeconds(1))))
                .isInstanceOfSatisfying(
                        PasskeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED));
        assertThat(passkeys.findByUserHandle("bob")).isEmpty();
        assertThat(passkeys.findByCredentialId("a"))
                .hasValueSatisfying(p -> assertThat(p.userHandle()).isEqualTo("alice"));
    }

    @Test
    void accountsAreFoundByIdHandleAndNameAndFollowRenames() {
        InMemoryPasskeyUserRepository users = new InMemoryPasskeyUserRepository();
        assertThat(users.create(user("h1", "42", "alice", "Alice"))).isTrue();
        assertThat(users.update(user("h1", "42", "alice", "Alice Example"))).isTrue();
        assertThat(users.findByAccountId("42"))
                .hasValueSatisfying(u -> assertThat(u.displayName()).isEqualTo("Alice Example"));

        assertThat(users.update(user("h1", "42", "alice2", "Alice Example"))).isTrue();
        assertThat(users.findByUsername("alice")).isEmpty();
        assertThat(users.findByUsername("alice2"))
                .singleElement()
                .satisfies(u -> assertThat(u.userHandle()).isEqualTo("h1"));
        assertThat(users.findByUserHandle("h1"))
                .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice2"));
    }

    @Test
    void anAccountIdAndAUserHandleAreStoredOnceAndUsernamesNeedNotBeUnique() {
        InMemoryPasskeyUserRepository users = new InMemoryPasskeyUserRepository();
        assertThat(users.create(user("h1", "42", "alice", null))).isTrue();
        assertThat(users.create(user("h2", "42", "alice", null))).isFalse();
        assertThat(users.create(user("h1", "43", "bob", null))).isFalse();
        assertThat(users.findByUserHandle("h2")).isEmpty();
        assertThat(users.findByAccountId("43")).isEmpty();
        // A stale account still named alice (deleted without telling the library) does not block a new alice.
        assertThat(users.create(user("h3", "99", "alice", null))).isTrue();
        assertThat(users.findByUsername("alice"))
                .extracting(PasskeyUser::accountId)
                .containsExactlyInAnyOrder("42", "99");
        // A rename onto an account id another account has is refused.
        assertThat(users.update(user("h3", "42", "alice", null))).isFalse();
        assertThat(users.findByUserHandle("h3"))
                .hasValueSatisfying(u -> assertThat(u.accountId()).isEqualTo("99"));

        assertThat(users.delete("h1")).isTrue();
        assertThat(users.delete("h1")).isFalse();
        assertThat(users.findByAccountId("42")).isEmpty();
    }

    @Test
    void deletingAnAccountsPasskeysLeavesOthers() {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        passkeys.add(passkey("a", "alice", T0));
        passkeys.add(passkey("b", "alice", T0.plusSeconds(1)));
        passkeys.add(passkey("c", "bob", T0));
        assertThat(passkeys.deleteByUserHandle("alice")).isEqualTo(2);
        assertThat(passkeys.deleteByUserHandle("alice")).isZero();
        assertThat(passkeys.findByUserHandle("alice")).isEmpty();
        assertThat(passkeys.findByCredentialId("a")).isEmpty();
        assertThat(passkeys.findByCredentialId("c")).isPresent();
    }

    private static PasskeyUser user(String userHandle, String accountId, String username, String displayName) {
        return PasskeyUser.builder()
                .userHandle(userHandle)
                .accountId(accountId)
                .username(username)
                .displayName(displayName)
                .build();
    }
}
