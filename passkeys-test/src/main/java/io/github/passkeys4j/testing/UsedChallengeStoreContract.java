package io.github.passkeys4j.testing;

import io.github.passkeys4j.store.UsedChallengeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UsedChallengeStore} must do, above all that {@code markUsed} answers {@code true} at most once
 * per key under concurrent calls (on several nodes: {@link #anotherNode} gives a second instance over the same
 * storage). Extend it in your store's tests and return a new, empty store from {@link #createStore()}.
 */
public abstract class UsedChallengeStoreContract {

    private static final int THREADS = 8;

    /** A fixed instant with microseconds, which every store must keep exactly. */
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    private UsedChallengeStore store;

    /** A store with nothing in it; called before each test. */
    protected abstract UsedChallengeStore createStore();

    /** Another node's store over the same storage as {@code store}; the same instance for a one-node store. */
    protected UsedChallengeStore anotherNode(UsedChallengeStore store) {
        return store;
    }

    @BeforeEach
    final void createEmptyStore() {
        store = createStore();
    }

    /** The store under test. */
    protected final UsedChallengeStore store() {
        return store;
    }

    /** A key as the library makes it: 43 base64url characters. */
    protected static String key(int i) {
        String digits = Integer.toString(i);
        return "x".repeat(43 - digits.length()) + digits;
    }

    @Test
    public void theFirstMarkWinsAndEveryLaterOneIsRefused() {
        assertThat(store().markUsed(key(1), T0)).isTrue();

        assertThat(store().markUsed(key(1), T0)).isFalse();
        assertThat(store().markUsed(key(1), T0.plusSeconds(600))).isFalse();
        assertThat(anotherNode(store()).markUsed(key(1), T0)).isFalse();
    }

    @Test
    public void isUsedReadsWithoutRecording() {
        assertThat(store().isUsed(key(1))).isFalse();
        assertThat(store().isUsed(key(1))).isFalse();
        assertThat(store().markUsed(key(1), T0)).isTrue();

        assertThat(store().isUsed(key(1))).isTrue();
        assertThat(anotherNode(store()).isUsed(key(1))).isTrue();
        assertThat(store().isUsed(key(2))).isFalse();
    }

    @Test
    public void keysAreIndependent() {
        assertThat(store().markUsed(key(1), T0)).isTrue();
        assertThat(store().markUsed(key(2), T0)).isTrue();
        assertThat(anotherNode(store()).markUsed(key(3), T0)).isTrue();
        assertThat(store().markUsed(key(3), T0)).isFalse();
    }

    /** Eight threads, half of them on another node, race to mark each of 25 keys: exactly one wins each. */
    @Test
    public void concurrentMarksHaveExactlyOneWinner() throws Exception {
        UsedChallengeStore other = anotherNode(store());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < 25; i++) {
                String key = key(i);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    UsedChallengeStore node = t % 2 == 0 ? store() : other;
                    Callable<Boolean> mark = () -> {
                        start.await();
                        return node.markUsed(key, T0);
                    };
                    results.add(pool.submit(mark));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners for %s", key).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void removeExpiredForgetsOnlyRecordsKeptUntilBeforeNow() {
        store().markUsed(key(1), T0.minusNanos(1_000));
        store().markUsed(key(2), T0);
        store().markUsed(key(3), T0.plusSeconds(300));

        store().removeExpired(T0);

        assertThat(store().markUsed(key(1), T0.plusSeconds(300)))
                .as("forgotten")
                .isTrue();
        assertThat(store().markUsed(key(2), T0)).as("kept until now").isFalse();
        assertThat(store().markUsed(key(3), T0)).as("live").isFalse();
    }

    /** Nodes sweep while others mark: nobody fails, and live records stay. */
    @Test
    public void concurrentSweepsAndMarksDoNotFail() throws Exception {
        for (int i = 0; i < 200; i++) {
            store().markUsed(key(i), T0.minusSeconds(1));
        }
        UsedChallengeStore other = anotherNode(store());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                UsedChallengeStore node = t % 2 == 0 ? store() : other;
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        node.removeExpired(T0);
                        assertThat(node.markUsed(key(1_000 + thread * 100 + i), T0.plusSeconds(60)))
                                .isTrue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().markUsed(key(1_000), T0)).isFalse();
        assertThat(store().markUsed(key(0), T0.plusSeconds(60))).as("swept").isTrue();
    }
}
