package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.testing.PasskeyRepositoryContract;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passkeys belong to an account id, not to a username: deletion, renames, reuse of a name, and the account check. */
class AccountLifecycleTest {

    private final Fixture fx = new Fixture();
    private final PasskeyManagement management = fx.rp.management();

    private Passkey register(String accountId, String username, SoftwareAuthenticator with) {
        PublicKeyCredentialCreationOptions options =
                fx.rp.startRegistration(StartRegistration.forAccount(accountId, username));
        return fx.rp.finishRegistration(FinishRegistration.of(accountId, with.register(options, Fixture.ORIGIN)));
    }

    private AuthenticationResult signIn(SoftwareAuthenticator with) {
        return fx.signIn(
                with.authenticate(fx.rp.startAuthentication(StartAuthentication.discoverable()), Fixture.ORIGIN));
    }

    @Test
    void aUsernameTakenAgainByAnotherAccountStartsWithNoPasskeys() {
        SoftwareAuthenticator oldPhone = new SoftwareAuthenticator();
        Passkey old = register("41", "alice", oldPhone);

        // Account 41 is gone from the app without a word to us; a new account 42 is named alice.
        PublicKeyCredentialCreationOptions options =
                fx.rp.startRegistration(StartRegistration.forAccount("42", "alice"));
        assertThat(options.excludeCredentials()).isEmpty();
        assertThat(options.user().id()).isNotEqualTo(old.userHandle());
        assertThat(management.list("42")).isEmpty();
        assertThat(management.list("41")).containsExactly(old);

        // The old passkey still names account 41, never 42.
        assertThat(signIn(oldPhone).user().accountId()).isEqualTo("41");
    }

    @Test
    void deletingAnAccountForgetsItsPasskeysUserHandleAndUnfinishedCeremonies() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        SoftwareAuthenticator laptop = new SoftwareAuthenticator();
        Passkey first = register("alice", "alice", phone);
        register("alice", "alice", laptop);
        Passkey bobs = register("bob", "bob", new SoftwareAuthenticator());
        PublicKeyCredentialCreationOptions pending = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        String pendingResponse = new SoftwareAuthenticator().register(pending, Fixture.ORIGIN);

        assertThat(management.deleteAccount("alice")).isEqualTo(2);

        assertThat(fx.users.findByUserHandle(first.userHandle())).isEmpty();
        // What is left: a new user handle, and sessions signed in before the deletion no longer count.
        assertThat(fx.users.findByAccountId("alice")).hasValueSatisfying(fresh -> {
            assertThat(fresh.userHandle()).isNotEqualTo(first.userHandle());
            assertThat(fresh.notBefore()).isEqualTo(fx.clock.instant());
        });
        assertThat(management.list("alice")).isEmpty();
        assertThat(management.list("bob")).containsExactly(bobs);
        fx.assertRefused(Reason.UNKNOWN_CREDENTIAL, () -> signIn(phone));
        fx.assertRefused(
                Reason.CHALLENGE_UNKNOWN,
                () -> fx.rp.finishRegistration(FinishRegistration.of("alice", pendingResponse)));
        assertThat(management.deleteAccount("alice")).isZero();

        // A new alice starts afresh, with a new user handle; the old passkey still signs in to nobody.
        Passkey fresh = register("alice", "alice", new SoftwareAuthenticator());
        assertThat(fresh.userHandle()).isNotEqualTo(first.userHandle());
        assertThat(management.list("alice")).containsExactly(fresh);
        fx.assertRefused(Reason.UNKNOWN_CREDENTIAL, () -> signIn(phone));
    }

    /** What is left of a deleted account keeps no trace of the person: no username or display name. */
    @Test
    void aDeletedAccountLeavesNoName() {
        PublicKeyCredentialCreationOptions options =
                fx.rp.startRegistration(StartRegistration.forAccount("41", "carl@example.com"));
        fx.rp.finishRegistration(
                FinishRegistration.of("41", new SoftwareAuthenticator().register(options, Fixture.ORIGIN)));
        assertThat(management.accountsNamed("carl@example.com")).hasSize(1);

        assertThat(management.deleteAccount("41")).isEqualTo(1);

        assertThat(management.accountsNamed("carl@example.com")).isEmpty();
        assertThat(fx.users.findByAccountId("41")).hasValueSatisfying(fresh -> {
            assertThat(fresh.username()).isEqualTo("41");
            assertThat(fresh.displayName()).isEqualTo("41");
        });
    }

    /**
     * An account with nothing stored has no row for the account lock to hold: a first registration can commit while
     * its deletion runs (two nodes, a database). The deletion's fresh start then finds the id taken: it runs again and
     * deletes what that registration stored.
     */
    @Test
    void aFirstRegistrationStoredWhileTheAccountIsDeletedIsDeletedToo() {
        InMemoryPasskeyUserRepository stored = new InMemoryPasskeyUserRepository();
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        AtomicInteger races = new AtomicInteger(1);
        PasskeyUserRepository users = new ForwardingUsers(stored) {
            @Override
            public boolean create(PasskeyUser user) {
                if (user.notBefore() != null && races.getAndDecrement() > 0) {
                    // The other node's first registration commits just before our fresh start is written.
                    PasskeyUser registered = PasskeyUser.builder()
                            .randomUserHandle()
                            .accountId(user.accountId())
                            .username("dora")
                            .build();
                    stored.create(registered);
                    passkeys.add(PasskeyRepositoryContract.passkey("cmFjZWQ", registered.userHandle(), Fixture.START));
                }
                return super.create(user);
            }
        };
        RelyingParty rp = RelyingParty.builder(Fixture.RP_ID, "Example")
                .origins(java.util.Set.of(Fixture.ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .build();

        assertThat(rp.management().deleteAccount("dora-1")).isEqualTo(1);

        assertThat(passkeys.findByCredentialId("cmFjZWQ")).isEmpty();
        assertThat(stored.findByAccountId("dora-1"))
                .hasValueSatisfying(fresh -> assertThat(fresh.notBefore()).isNotNull());
    }

    @Test
    void aRenamedAccountKeepsItsPasskeys() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        Passkey passkey = register("42", "alice", phone);

        assertThat(management.renameAccount("42", new AccountNames("42", "alicia")))
                .isTrue();
        AuthenticationResult result = signIn(phone);
        assertThat(result.user().accountId()).isEqualTo("42");
        assertThat(result.user().username()).isEqualTo("alicia");
        assertThat(result.user().userHandle()).isEqualTo(passkey.userHandle());

        // An app whose username is the account id moves both.
        assertThat(management.renameAccount("42", new AccountNames("alicia", "alicia")))
                .isTrue();
        assertThat(management.list("42")).isEmpty();
        assertThat(management.list("alicia")).extracting(Passkey::credentialId).containsExactly(passkey.credentialId());
        assertThat(management.renameAccount("nobody", new AccountNames("x", "x")))
                .isFalse();
        // The old id starts afresh: a session still signed in as alice cannot add passkeys a new alice would get.
        assertThat(fx.users.findByAccountId("42")).hasValueSatisfying(fresh -> {
            assertThat(fresh.userHandle()).isNotEqualTo(passkey.userHandle());
            assertThat(fresh.notBefore()).isEqualTo(fx.clock.instant());
        });
    }

    @Test
    void aRegistrationOfAStartedAfreshAccountKeepsItsNotBefore() {
        management.deleteAccount("alice");
        java.time.Instant deletedAt = fx.clock.instant();
        fx.clock.advance(java.time.Duration.ofMinutes(1));

        Passkey fresh = register("alice", "alice", new SoftwareAuthenticator());

        assertThat(fx.users.findByAccountId("alice")).hasValueSatisfying(account -> {
            assertThat(account.userHandle()).isEqualTo(fresh.userHandle());
            assertThat(account.notBefore()).isEqualTo(deletedAt);
        });
    }

    @Test
    void renamingOntoAnotherAccountsIdIsRefused() {
        register("alice", "alice", new SoftwareAuthenticator());
        Passkey bobs = register("bob", "bob", new SoftwareAuthenticator());

        assertThat(management.renameAccount("bob", new AccountNames("alice", "alice")))
                .isFalse();
        assertThat(management.list("bob")).containsExactly(bobs);
    }

    @Test
    void anAccountTheAppRefusesRecordsNoUse() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        Passkey passkey = register("42", "alice", phone);
        String assertion =
                phone.authenticate(fx.rp.startAuthentication(StartAuthentication.discoverable()), Fixture.ORIGIN);
        List<String> checked = new ArrayList<>();

        assertThatThrownBy(() -> fx.rp.finishAuthentication(new FinishAuthentication(assertion, account -> {
                    checked.add(account.accountId());
                    throw new IllegalStateException("account disabled");
                })))
                .isInstanceOf(IllegalStateException.class);

        assertThat(checked).containsExactly("42");
        Passkey after = fx.stored(passkey.credentialId());
        assertThat(after.lastUsedAt()).isNull();
        assertThat(after.signCount()).isEqualTo(passkey.signCount());
    }

    @Test
    void twoFirstRegistrationsAtOnceMakeOneAccount() throws Exception {
        int threads = 8;
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            PublicKeyCredentialCreationOptions options =
                    fx.rp.startRegistration(StartRegistration.forAccount("42", "alice"));
            responses.add(new SoftwareAuthenticator().register(options, Fixture.ORIGIN));
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Passkey>> results = new ArrayList<>();
        for (String response : responses) {
            Callable<Passkey> finish = () -> {
                start.await();
                return fx.rp.finishRegistration(FinishRegistration.of("42", response));
            };
            results.add(pool.submit(finish));
        }
        int stored = 0;
        int refused = 0;
        for (Future<Passkey> result : results) {
            try {
                result.get();
                stored++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause())
                        .isInstanceOfSatisfying(
                                PasskeyException.class,
                                p -> assertThat(p.reason()).isEqualTo(Reason.CHALLENGE_MISMATCH));
                refused++;
            }
        }
        pool.shutdown();
        assertThat(stored).isEqualTo(1);
        assertThat(refused).isEqualTo(threads - 1);
        String handle = fx.users.findByAccountId("42").orElseThrow().userHandle();
        assertThat(management.list("42"))
                .hasSize(1)
                .allSatisfy(p -> assertThat(p.userHandle()).isEqualTo(handle));
    }

    @Test
    void registrationWritesRunInTheTransactionAndTheChallengeIsUsedUpWhenRefusedInsideIt() {
        AtomicInteger runs = new AtomicInteger();
        StorageTransaction counting = new StorageTransaction() {
            @Override
            public <T> T run(Supplier<T> work) {
                runs.incrementAndGet();
                return work.get();
            }
        };
        Fixture limited =
                new Fixture(b -> b.transaction(counting).pendingCeremonies(new InMemoryPendingCeremonyStore()));
        limited.register("alice");
        assertThat(runs).hasValue(1);

        // Refused inside the transaction (another first registration of bob won): the challenge is gone all the same.
        String response = new SoftwareAuthenticator()
                .register(limited.rp.startRegistration(StartRegistration.forUser("bob")), Fixture.ORIGIN);
        limited.register("bob");
        limited.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> limited.rp.finishRegistration(FinishRegistration.of("bob", response)));
        limited.assertRefused(
                Reason.CHALLENGE_UNKNOWN, () -> limited.rp.finishRegistration(FinishRegistration.of("bob", response)));
    }

    /** Forwards to another user repository; a test changes one method. */
    static class ForwardingUsers implements PasskeyUserRepository {
        private final PasskeyUserRepository delegate;

        ForwardingUsers(PasskeyUserRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Optional<PasskeyUser> findByAccountId(String accountId) {
            return delegate.findByAccountId(accountId);
        }

        @Override
        public List<PasskeyUser> findByUsername(String username) {
            return delegate.findByUsername(username);
        }

        @Override
        public java.util.Optional<PasskeyUser> findByUserHandle(String userHandle) {
            return delegate.findByUserHandle(userHandle);
        }

        @Override
        public boolean create(PasskeyUser user) {
            return delegate.create(user);
        }

        @Override
        public boolean update(PasskeyUser user) {
            return delegate.update(user);
        }

        @Override
        public boolean delete(String userHandle) {
            return delegate.delete(userHandle);
        }
    }
}
