package io.github.passkeys4j.testing;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.OtherSignIn;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.internal.RecoveryCodeHashes;
import io.github.passkeys4j.store.InMemoryRecoveryCodeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.RecoveryAttempts;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.StoredRecoveryCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a storage (its passkey and user repositories, its {@link StorageTransaction} and its recovery-code store) must
 * guarantee under concurrency, through the library's own checks: the per-account passkey limit, the last way into an
 * account, first registrations and new recovery codes hold however many threads race. Extend it and return a fresh,
 * empty storage from the factory methods; the in-memory stores and the starter's JDBC storage (H2, PostgreSQL) run it.
 * Real threads start together at a barrier; every test would fail on a check-then-write store (measured: 21–26
 * passkeys with a limit of 20, 16 of 60 delete/disable pairs leaving no enabled passkey). Each passkey comes from its
 * own {@link SoftwareAuthenticator}: one authenticator refuses a second credential for an account it already holds
 * one of (the options' excludeCredentials), as a real one does.
 */
public abstract class AccountRaceContract {

    /** The origin and RP ID the contract's ceremonies use. */
    protected static final String ORIGIN = "https://example.com";

    private static final int LIMIT = 5;
    private static final int RACERS = 24;
    private static final int PAIRS = 30;

    private RelyingParty rp;
    private RecoveryCodeStore recoveryCodes;

    protected abstract PasskeyRepository createPasskeys();

    protected abstract PasskeyUserRepository createUsers();

    /** The transaction that runs with these stores; its {@code runForAccount} is what the contract tests. */
    protected abstract StorageTransaction createTransaction();

    /** The recovery-code store that runs with them; in memory unless overridden (override it to race yours). */
    protected RecoveryCodeStore createRecoveryCodes() {
        return new InMemoryRecoveryCodeStore();
    }

    @BeforeEach
    final void createRelyingParty() {
        recoveryCodes = createRecoveryCodes();
        rp = RelyingParty.builder("example.com", "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(new Unhurried(createPasskeys()))
                .users(createUsers())
                .transaction(createTransaction())
                .recoveryCodeStore(new UnhurriedCodes(recoveryCodes))
                .maxPasskeysPerUser(LIMIT)
                .build();
    }

    @Test
    public void registrationsRacingForOneAccountStoreExactlyTheLimit() throws Exception {
        register("racing-limit");
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            responses.add(new SoftwareAuthenticator()
                    .register(rp.startRegistration(StartRegistration.forUser("racing-limit")), ORIGIN));
        }

        Map<String, Long> outcomes = race(
                responses, response -> () -> rp.finishRegistration(FinishRegistration.of("racing-limit", response)));

        assertThat(outcomes).containsOnlyKeys("OK", Reason.TOO_MANY_PASSKEYS.name());
        assertThat(outcomes.get("OK")).isEqualTo(LIMIT - 1);
        assertThat(rp.management().list("racing-limit")).hasSize(LIMIT);
    }

    @Test
    public void firstRegistrationsRacingMakeOneAccount() throws Exception {
        // Started before the account exists: each ceremony made its own user handle, and only one handle may win.
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            responses.add(new SoftwareAuthenticator()
                    .register(rp.startRegistration(StartRegistration.forUser("racing-first")), ORIGIN));
        }

        Map<String, Long> outcomes = race(
                responses, response -> () -> rp.finishRegistration(FinishRegistration.of("racing-first", response)));

        assertThat(outcomes).containsEntry("OK", 1L).containsOnlyKeys("OK", Reason.CHALLENGE_MISMATCH.name());
        String handle = rp.management().account("racing-first").orElseThrow().userHandle();
        assertThat(rp.management().list("racing-first"))
                .singleElement()
                .satisfies(p -> assertThat(p.userHandle()).isEqualTo(handle));
    }

    @Test
    public void deletesAndDisablesRacingLeaveAnEnabledPasskey() throws Exception {
        List<Callable<Object>> work = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            String account = "racing-guard-" + pair;
            accounts.add(account);
            Passkey first = register(account);
            Passkey second = register(account);
            work.add(() -> rp.management().delete(account, first.credentialId(), OtherSignIn.NONE));
            work.add(() -> rp.management().setEnabled(account, second.credentialId(), false, OtherSignIn.NONE));
        }

        Map<String, Long> outcomes = race(work, call -> call);

        assertThat(outcomes).containsOnlyKeys("OK", Reason.LAST_SIGN_IN_METHOD.name());
        assertThat(outcomes.get("OK")).isEqualTo(PAIRS);
        for (String account : accounts) {
            assertThat(rp.management().list(account)).as(account).anyMatch(Passkey::enabled);
        }
    }

    /**
     * New recovery codes asked for at once for an account with no passkey yet, so with no user row for the account
     * lock to hold: exactly one whole set of 10 is kept, one that a caller was given, never two sets or a mix.
     */
    @Test
    public void recoveryCodeIssuesRacingKeepOneWholeSet() throws Exception {
        Queue<List<String>> issued = new ConcurrentLinkedQueue<>();
        List<Integer> racers = IntStream.range(0, RACERS).boxed().toList();

        Map<String, Long> outcomes =
                race(racers, racer -> () -> issued.add(rp.recoveryCodes().issue("racing-codes")));

        assertThat(outcomes).containsOnlyKeys("OK");
        List<StoredRecoveryCode> kept = recoveryCodes.findUnused("racing-codes");
        assertThat(kept).hasSize(10);
        // Which caller's set is kept: the one whose first code matches a stored hash (codes are stored hashed only).
        List<List<String>> keptSets = issued.stream()
                .filter(set -> kept.stream().anyMatch(stored -> matches(set.get(0), stored)))
                .toList();
        assertThat(keptSets)
                .singleElement()
                .satisfies(set ->
                        assertThat(set).allMatch(code -> kept.stream().anyMatch(stored -> matches(code, stored))));
    }

    private static boolean matches(String shownCode, StoredRecoveryCode stored) {
        return RecoveryCodeHashes.matches(shownCode.replace("-", ""), stored.hash());
    }

    private Passkey register(String account) {
        return rp.finishRegistration(FinishRegistration.of(
                account,
                new SoftwareAuthenticator()
                        .register(rp.startRegistration(StartRegistration.forUser(account)), ORIGIN)));
    }

    /** Runs every task at once, a thread each, and counts outcomes: "OK" or the refusal reason. */
    private <T> Map<String, Long> race(List<T> inputs, Function<T, Callable<?>> task)
            throws InterruptedException, ExecutionException {
        CyclicBarrier start = new CyclicBarrier(inputs.size());
        ExecutorService threads = Executors.newFixedThreadPool(inputs.size());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (T input : inputs) {
                Callable<?> call = task.apply(input);
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        call.call();
                        return "OK";
                    } catch (PasskeyException e) {
                        return e.reason().name();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Widens the window between a check and its write, or a write and its commit. */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The store under test, pausing after each read of an account's passkeys: it widens the window between a check
     * and its write, so a store without a working account lock fails these tests every time, not once in a while.
     */
    private record Unhurried(PasskeyRepository store) implements PasskeyRepository {

        @Override
        public List<Passkey> findByUserHandle(String userHandle) {
            List<Passkey> found = store.findByUserHandle(userHandle);
            pause();
            return found;
        }

        @Override
        public void add(Passkey passkey) {
            store.add(passkey);
        }

        @Override
        public boolean recordUse(Passkey used, long expectedSignCount) {
            return store.recordUse(used, expectedSignCount);
        }

        @Override
        public boolean updateSettings(Passkey passkey) {
            return store.updateSettings(passkey);
        }

        @Override
        public Optional<Passkey> findByCredentialId(String credentialId) {
            return store.findByCredentialId(credentialId);
        }

        @Override
        public boolean delete(String credentialId) {
            return store.delete(credentialId);
        }

        @Override
        public int deleteByUserHandle(String userHandle) {
            return store.deleteByUserHandle(userHandle);
        }
    }

    /** The recovery-code store under test, pausing after each replacement, before the caller's transaction commits. */
    private record UnhurriedCodes(RecoveryCodeStore store) implements RecoveryCodeStore {

        @Override
        public void replaceAll(String accountId, List<StoredRecoveryCode> codes) {
            store.replaceAll(accountId, codes);
            pause();
        }

        @Override
        public List<StoredRecoveryCode> findUnused(String accountId) {
            return store.findUnused(accountId);
        }

        @Override
        public int countUnused(String accountId) {
            return store.countUnused(accountId);
        }

        @Override
        public boolean markUsed(String accountId, String codeId, Instant usedAt) {
            return store.markUsed(accountId, codeId, usedAt);
        }

        @Override
        public boolean markUnused(String accountId, String codeId, Instant usedAt) {
            return store.markUnused(accountId, codeId, usedAt);
        }

        @Override
        public void deleteAll(String accountId) {
            store.deleteAll(accountId);
        }

        @Override
        public RecoveryAttempts recordFailure(String key, Instant now, Duration keepFor) {
            return store.recordFailure(key, now, keepFor);
        }

        @Override
        public Optional<RecoveryAttempts> attempts(String key) {
            return store.attempts(key);
        }

        @Override
        public void clearFailures(String key) {
            store.clearFailures(key);
        }
    }
}
