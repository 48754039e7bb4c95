package io.github.passkeys4j.testing;

import io.github.passkeys4j.store.RecoveryAttempts;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StoredRecoveryCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RecoveryCodeStore} must do: a set is replaced as a whole, a code is marked used at most once under
 * concurrent calls (on several nodes: {@link #anotherNode}), and wrong tries count once each. Extend it in your
 * store's tests and return a new, empty store from {@link #createStore()}.
 */
public abstract class RecoveryCodeStoreContract {

    private static final int THREADS = 8;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** A fixed instant with microseconds, which every store must keep exactly. */
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    private RecoveryCodeStore store;

    /** A store with nothing in it; called before each test. */
    protected abstract RecoveryCodeStore createStore();

    /** Another node's store over the same storage as {@code store}; the same instance for a one-node store. */
    protected RecoveryCodeStore anotherNode(RecoveryCodeStore store) {
        return store;
    }

    @BeforeEach
    final void createEmptyStore() {
        store = createStore();
    }

    protected final RecoveryCodeStore store() {
        return store;
    }

    protected static List<StoredRecoveryCode> codes(String prefix, int count) {
        List<StoredRecoveryCode> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(new StoredRecoveryCode(prefix + i, "pbkdf2-sha256$1000$salt" + i + "$hash-" + prefix + i, T0));
        }
        return codes;
    }

    @Test
    public void anAccountWithoutCodesHasNone() {
        assertThat(store().findUnused("alice")).isEmpty();
        assertThat(store().countUnused("alice")).isZero();
        assertThat(store().markUsed("alice", "a0", T0)).isFalse();
    }

    @Test
    public void storedCodesReadBackExactly() {
        store().replaceAll("alice", codes("a", 3));

        assertThat(anotherNode(store()).findUnused("alice")).containsExactlyInAnyOrderElementsOf(codes("a", 3));
        assertThat(store().countUnused("alice")).isEqualTo(3);
        assertThat(store().findUnused("bob")).isEmpty();
    }

    @Test
    public void aCodeIsUsedOnceAndThenNoLongerListed() {
        store().replaceAll("alice", codes("a", 3));

        assertThat(store().markUsed("alice", "a1", T0)).isTrue();
        assertThat(anotherNode(store()).markUsed("alice", "a1", T0)).isFalse();

        assertThat(store().findUnused("alice"))
                .extracting(StoredRecoveryCode::codeId)
                .containsExactlyInAnyOrder("a0", "a2");
        assertThat(store().countUnused("alice")).isEqualTo(2);
    }

    /** A sign-in refused after its code was used (a session limit) gives the code back, and only that use's. */
    @Test
    public void aCodeIsGivenBackOnlyForTheUseThatMarkedIt() {
        store().replaceAll("alice", codes("a", 2));
        assertThat(store().markUsed("alice", "a1", T0)).isTrue();

        assertThat(store().markUnused("alice", "a1", T0.plusSeconds(1))).isFalse();
        assertThat(store().markUnused("bob", "a1", T0)).isFalse();
        assertThat(store().markUnused("alice", "a0", T0)).isFalse();
        assertThat(store().countUnused("alice")).isEqualTo(1);

        assertThat(anotherNode(store()).markUnused("alice", "a1", T0)).isTrue();
        assertThat(store().markUnused("alice", "a1", T0)).isFalse();
        assertThat(store().findUnused("alice"))
                .extracting(StoredRecoveryCode::codeId)
                .containsExactlyInAnyOrder("a0", "a1");
        assertThat(store().markUsed("alice", "a1", T0.plusSeconds(2))).isTrue();

        store().replaceAll("alice", codes("n", 1));
        assertThat(store().markUnused("alice", "a1", T0.plusSeconds(2))).isFalse();
        assertThat(store().findUnused("alice"))
                .extracting(StoredRecoveryCode::codeId)
                .containsExactly("n0");
    }

    @Test
    public void aCodeOfAnotherAccountIsNotUsed() {
        store().replaceAll("alice", codes("a", 2));
        store().replaceAll("bob", codes("b", 2));

        assertThat(store().markUsed("bob", "a0", T0)).isFalse();
        assertThat(store().countUnused("alice")).isEqualTo(2);
    }

    @Test
    public void replacingForgetsTheWholeOldSetUsedOrNot() {
        store().replaceAll("alice", codes("a", 3));
        store().markUsed("alice", "a0", T0);

        store().replaceAll("alice", codes("n", 2));

        assertThat(store().findUnused("alice"))
                .extracting(StoredRecoveryCode::codeId)
                .containsExactlyInAnyOrder("n0", "n1");
        assertThat(store().markUsed("alice", "a1", T0)).isFalse();
    }

    @Test
    public void deletingForgetsOnlyThatAccount() {
        store().replaceAll("alice", codes("a", 2));
        store().replaceAll("bob", codes("b", 2));

        store().deleteAll("alice");

        assertThat(store().findUnused("alice")).isEmpty();
        assertThat(store().countUnused("bob")).isEqualTo(2);
    }

    /** Eight threads, half of them on another node, race to use each of 10 codes: exactly one wins each. */
    @Test
    public void concurrentUsesOfOneCodeHaveExactlyOneWinner() throws Exception {
        store().replaceAll("alice", codes("a", 10));
        RecoveryCodeStore other = anotherNode(store());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < 10; i++) {
                String codeId = "a" + i;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    RecoveryCodeStore node = t % 2 == 0 ? store() : other;
                    Callable<Boolean> use = () -> {
                        start.await();
                        return node.markUsed("alice", codeId, T0);
                    };
                    results.add(pool.submit(use));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners for " + codeId).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().countUnused("alice")).isZero();
    }

    @Test
    public void wrongTriesCountUpAndAreKeptForTheWindow() {
        assertThat(store().attempts("alice")).isEmpty();

        assertThat(store().recordFailure("alice", T0, WINDOW)).isEqualTo(new RecoveryAttempts(1, T0.plus(WINDOW)));
        RecoveryAttempts second = anotherNode(store()).recordFailure("alice", T0.plusSeconds(1), WINDOW);

        assertThat(second).isEqualTo(new RecoveryAttempts(2, T0.plusSeconds(1).plus(WINDOW)));
        assertThat(store().attempts("alice")).contains(second);
        assertThat(store().attempts("bob")).isEmpty();
    }

    @Test
    public void anExpiredCountStartsAfresh() {
        store().recordFailure("alice", T0, WINDOW);
        store().recordFailure("alice", T0, WINDOW);

        Instant later = T0.plus(WINDOW).plusMillis(1);
        assertThat(store().recordFailure("alice", later, WINDOW))
                .isEqualTo(new RecoveryAttempts(1, later.plus(WINDOW)));
    }

    @Test
    public void clearingForgetsTheWrongTries() {
        store().recordFailure("alice", T0, WINDOW);
        store().recordFailure("bob", T0, WINDOW);

        store().clearFailures("alice");

        assertThat(store().attempts("alice")).isEmpty();
        assertThat(store().attempts("bob")).isPresent();
    }

    /**
     * Eight threads, half on another node, each replace one account's codes with a set of their own, five times, at
     * once: afterwards exactly one whole set is stored, never a mix or two sets. Run for an account with no codes yet
     * and for one with codes.
     */
    @Test
    public void concurrentReplacementsLeaveExactlyOneWholeSet() throws Exception {
        replaceConcurrently("fresh");
        store().replaceAll("known", codes("old-", 10));
        replaceConcurrently("known");
    }

    private void replaceConcurrently(String accountId) throws Exception {
        onEightThreads((node, t) -> {
            for (int round = 0; round < 5; round++) {
                node.replaceAll(accountId, codes("t" + t + "-" + round + "-", 10));
            }
        });
        List<StoredRecoveryCode> stored = store().findUnused(accountId);
        assertThat(stored).as("one whole set of 10").hasSize(10);
        String set = stored.get(0).codeId().substring(0, stored.get(0).codeId().lastIndexOf('-') + 1);
        assertThat(stored)
                .as("all of one set")
                .extracting(StoredRecoveryCode::codeId)
                .allMatch(id -> id.startsWith(set) && id.length() == set.length() + 1);
        assertThat(set).as("the last round of one thread").endsWith("-4-");
    }

    /** Eight threads, half on another node, each count 5 wrong tries for one key: all 40 are counted. */
    @Test
    public void concurrentWrongTriesAreEachCounted() throws Exception {
        onEightThreads((node, t) -> {
            for (int i = 0; i < 5; i++) {
                node.recordFailure("alice", T0, WINDOW);
            }
        });
        assertThat(store().attempts("alice")).map(RecoveryAttempts::failures).contains(THREADS * 5);
    }

    /** Runs {@code work} on {@link #THREADS} threads at once, every other one on {@link #anotherNode}. */
    private void onEightThreads(BiConsumer<RecoveryCodeStore, Integer> work) throws Exception {
        RecoveryCodeStore other = anotherNode(store());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                RecoveryCodeStore node = t % 2 == 0 ? store() : other;
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    work.accept(node, thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
