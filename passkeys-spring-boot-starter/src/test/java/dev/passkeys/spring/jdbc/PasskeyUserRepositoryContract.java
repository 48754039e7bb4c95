package dev.passkeys.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passkeys.store.PasskeyUser;

import org.junit.jupiter.api.Test;

/** What every database must do for {@link JdbcPasskeyUserRepository}. */
interface PasskeyUserRepositoryContract {

    JdbcPasskeyUserRepository users();

    @Test
    default void savedUserIsFoundByUsernameAndByUserHandle() {
        PasskeyUser alice = PasskeyUser.create("alice@example.com", "Alice Liddell");
        PasskeyUser bob = PasskeyUser.create("bob", null);

        users().save(alice);
        users().save(bob);

        assertThat(users().findByUsername("alice@example.com")).contains(alice);
        assertThat(users().findByUserHandle(alice.userHandle())).contains(alice);
        assertThat(users().findByUsername("bob")).contains(bob);
        assertThat(users().findByUserHandle(bob.userHandle()).orElseThrow().displayName()).isEqualTo("bob");
    }

    @Test
    default void unknownUsersAreEmpty() {
        users().save(PasskeyUser.create("alice", "Alice"));

        assertThat(users().findByUsername("nobody")).isEmpty();
        assertThat(users().findByUsername("ALICE")).isEmpty();
        assertThat(users().findByUserHandle("bm9ib2R5")).isEmpty();
    }

    @Test
    default void savingTheSameUserHandleReplacesDisplayNameAndUsername() {
        PasskeyUser alice = PasskeyUser.create("alice", "Alice");
        users().save(alice);

        PasskeyUser renamed = new PasskeyUser(alice.userHandle(), "alice", "Alice Liddell");
        users().save(renamed);
        assertThat(users().findByUserHandle(alice.userHandle())).contains(renamed);

        PasskeyUser newUsername = new PasskeyUser(alice.userHandle(), "alice.liddell", "Alice Liddell");
        users().save(newUsername);
        assertThat(users().findByUserHandle(alice.userHandle())).contains(newUsername);
        assertThat(users().findByUsername("alice")).isEmpty();
        assertThat(users().findByUsername("alice.liddell")).contains(newUsername);
    }

    @Test
    default void aUsernameBelongsToOneUserHandle() {
        PasskeyUser alice = PasskeyUser.create("alice", "Alice");
        PasskeyUser bob = PasskeyUser.create("bob", "Bob");
        users().save(alice);
        users().save(bob);

        assertThatThrownBy(() -> users().save(PasskeyUser.create("alice", "Impostor")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> users().save(new PasskeyUser(bob.userHandle(), "alice", "Bob")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(users().findByUsername("alice")).contains(alice);
        assertThat(users().findByUserHandle(bob.userHandle())).contains(bob);
    }

    @Test
    default void saveIsRepeatable() {
        PasskeyUser alice = PasskeyUser.create("alice", "Alice");

        users().save(alice);
        users().save(alice);

        assertThat(users().findByUsername("alice")).contains(alice);
    }
}
