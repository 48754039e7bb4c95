package io.github.passkeys4j.testing;

import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PasskeyUserRepository} must do. Extend it in your store's tests and return a new, empty store from
 * {@link #createRepository()}; every test here then runs against it.
 */
public abstract class PasskeyUserRepositoryContract {

    private PasskeyUserRepository users;

    /** A store with no users in it; called before each test. */
    protected abstract PasskeyUserRepository createRepository();

    @BeforeEach
    final void createEmptyRepository() {
        users = createRepository();
    }

    /** The store under test. */
    protected final PasskeyUserRepository users() {
        return users;
    }

    @Test
    public void aCreatedAccountIsFoundByAccountIdUserHandleAndUsername() {
        PasskeyUser alice = newUser("42", "alice@example.com", "Alice Liddell");
        PasskeyUser bob = PasskeyUser.newAccount("bob", "bob");

        assertThat(users().create(alice)).isTrue();
        assertThat(users().create(bob)).isTrue();

        assertThat(users().findByAccountId("42")).contains(alice);
        assertThat(users().findByUserHandle(alice.userHandle())).contains(alice);
        assertThat(users().findByUsername("alice@example.com")).containsExactly(alice);
        assertThat(users().findByAccountId("bob")).contains(bob);
        assertThat(users().findByUserHandle(bob.userHandle()).orElseThrow().displayName())
                .isEqualTo("bob");
    }

    @Test
    public void unknownAccountsAreEmpty() {
        users().create(newUser("alice", "alice", "Alice"));

        assertThat(users().findByAccountId("nobody")).isEmpty();
        assertThat(users().findByAccountId("ALICE")).isEmpty();
        assertThat(users().findByUsername("nobody")).isEmpty();
        assertThat(users().findByUserHandle("bm9ib2R5")).isEmpty();
    }

    @Test
    public void anAccountIdAndAUserHandleAreStoredOnce() {
        PasskeyUser alice = newUser("42", "alice", "Alice");
        assertThat(users().create(alice)).isTrue();

        assertThat(users().create(PasskeyUser.newAccount("42", "impostor"))).isFalse();
        assertThat(users().create(PasskeyUser.builder()
                        .userHandle(alice.userHandle())
                        .accountId("43")
                        .username("other")
                        .displayName(null)
                        .build()))
                .isFalse();

        assertThat(users().findByAccountId("42")).contains(alice);
        assertThat(users().findByAccountId("43")).isEmpty();
    }

    @Test
    public void usernamesNeedNotBeUnique() {
        // Account 41 was deleted without a word to the library; account 42 took its name.
        PasskeyUser stale = PasskeyUser.newAccount("41", "alice");
        PasskeyUser current = PasskeyUser.newAccount("42", "alice");
        assertThat(users().create(stale)).isTrue();
        assertThat(users().create(current)).isTrue();

        assertThat(users().findByUsername("alice")).containsExactlyInAnyOrder(stale, current);
    }

    @Test
    public void updateStoresNewNamesAndAccountIdForTheUserHandle() {
        PasskeyUser alice = newUser("alice", "alice", "Alice");
        users().create(alice);

        PasskeyUser renamed = PasskeyUser.builder()
                .userHandle(alice.userHandle())
                .accountId("alice.liddell")
                .username("alice.liddell")
                .displayName("Alice Liddell")
                .build();
        assertThat(users().update(renamed)).isTrue();

        assertThat(users().findByUserHandle(alice.userHandle())).contains(renamed);
        assertThat(users().findByAccountId("alice")).isEmpty();
        assertThat(users().findByUsername("alice")).isEmpty();
        assertThat(users().findByAccountId("alice.liddell")).contains(renamed);
        assertThat(users().update(PasskeyUser.newAccount("nobody", "nobody"))).isFalse();
    }

    @Test
    public void anAccountStartedAfreshKeepsItsNotBeforeAtLeastToTheMicrosecond() {
        java.time.Instant when = java.time.Instant.parse("2026-03-01T10:00:00.123456789Z");
        PasskeyUser fresh = PasskeyUser.startingAfresh("42", "alice", when);
        assertThat(users().create(fresh)).isTrue();

        java.time.Instant micros = java.time.Instant.parse("2026-03-01T10:00:00.123456Z");
        assertThat(users().findByAccountId("42"))
                .hasValueSatisfying(u -> assertThat(micros(u.notBefore())).isEqualTo(micros));
        assertThat(users().update(fresh.withNames("alice", "Alice"))).isTrue();
        assertThat(users().findByAccountId("42")).hasValueSatisfying(u -> {
            assertThat(micros(u.notBefore())).isEqualTo(micros);
            assertThat(u.displayName()).isEqualTo("Alice");
        });
        assertThat(micros(users().findByUsername("alice").get(0).notBefore())).isEqualTo(micros);
    }

    @Test
    public void updateOntoAnotherAccountsIdIsRefusedAndChangesNothing() {
        PasskeyUser alice = PasskeyUser.newAccount("alice", "alice");
        PasskeyUser bob = PasskeyUser.newAccount("bob", "bob");
        users().create(alice);
        users().create(bob);

        assertThat(users().update(PasskeyUser.builder()
                        .userHandle(bob.userHandle())
                        .accountId("alice")
                        .username("alice")
                        .displayName(null)
                        .build()))
                .isFalse();

        assertThat(users().findByUserHandle(bob.userHandle())).contains(bob);
        assertThat(users().findByAccountId("alice")).contains(alice);
    }

    @Test
    public void deleteRemovesOnlyThatAccount() {
        PasskeyUser alice = PasskeyUser.newAccount("alice", "alice");
        PasskeyUser bob = PasskeyUser.newAccount("bob", "bob");
        users().create(alice);
        users().create(bob);

        assertThat(users().delete(alice.userHandle())).isTrue();
        assertThat(users().delete(alice.userHandle())).isFalse();

        assertThat(users().findByAccountId("alice")).isEmpty();
        assertThat(users().findByAccountId("bob")).contains(bob);
    }

    @Test
    public void ofConcurrentFirstRegistrationsOfOneAccountExactlyOneCreates() throws Exception {
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Boolean> create = () -> {
                start.await();
                return users().create(PasskeyUser.newAccount("42", "alice"));
            };
            results.add(pool.submit(create));
        }
        int created = 0;
        for (Future<Boolean> result : results) {
            created += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(users().findByUsername("alice")).hasSize(1);
    }

    /** A new account with a random user handle. */
    protected static PasskeyUser newUser(String accountId, String username, String displayName) {
        return PasskeyUser.builder()
                .randomUserHandle()
                .accountId(accountId)
                .username(username)
                .displayName(displayName)
                .build();
    }

    private static java.time.Instant micros(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
