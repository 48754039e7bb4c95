package io.github.passkeys4j.testing;

import io.github.passkeys4j.store.ChallengeKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * What every {@link ChallengeKeys} must do: one secret per key id, at least 32 bytes, the same on every call and on
 * every node ({@link #anotherNode} gives a second instance over the same storage), even when nodes ask for a new id
 * at the same time. Extend it in your implementation's tests.
 */
public abstract class ChallengeKeysContract {

    private static final int THREADS = 8;
    private static final long PERIOD = 20_000;

    private ChallengeKeys keys;

    /** Keys with none made yet; called before each test. */
    protected abstract ChallengeKeys createKeys();

    /** Another node's keys over the same storage as {@code keys}; the same instance for one-node keys. */
    protected ChallengeKeys anotherNode(ChallengeKeys keys) {
        return keys;
    }

    @BeforeEach
    final void createEmptyKeys() {
        keys = createKeys();
    }

    @Test
    public void aKeyIsAtLeast32BytesAndStable() {
        byte[] first = keys.secret(PERIOD);

        assertThat(first.length).isGreaterThanOrEqualTo(32);
        assertThat(keys.secret(PERIOD)).isEqualTo(first);
        assertThat(anotherNode(keys).secret(PERIOD)).isEqualTo(first);
    }

    @Test
    public void eachPeriodHasItsOwnKey() {
        assertThat(keys.secret(PERIOD)).isNotEqualTo(keys.secret(PERIOD + 1));
        assertThat(keys.secret(PERIOD + 1)).isNotEqualTo(keys.secret(PERIOD + 2));
    }

    /** A challenge sealed just before a rotation is still verified after it, on any node. */
    @Test
    public void anOlderKeySurvivesTheNextOnes() {
        byte[] older = keys.secret(PERIOD);
        keys.secret(PERIOD + 1);
        anotherNode(keys).secret(PERIOD + 2);

        assertThat(keys.secret(PERIOD)).isEqualTo(older);
        assertThat(anotherNode(keys).secret(PERIOD)).isEqualTo(older);
    }

    /** The long-lived key (stand-in credential ids) outlives every rotation, on every node. */
    @Test
    public void theLongLivedKeyIsNeverDeleted() {
        byte[] longLived = keys.secret(ChallengeKeys.LONG_LIVED_KEY_ID);
        for (long period = PERIOD; period < PERIOD + 40; period++) {
            keys.secret(period);
            anotherNode(keys).secret(period);
        }

        assertThat(longLived.length).isGreaterThanOrEqualTo(32);
        assertThat(keys.secret(ChallengeKeys.LONG_LIVED_KEY_ID)).isEqualTo(longLived);
        assertThat(anotherNode(keys).secret(ChallengeKeys.LONG_LIVED_KEY_ID)).isEqualTo(longLived);
        assertThat(longLived).isNotEqualTo(keys.secret(PERIOD));
    }

    @Test
    public void changingAReturnedArrayChangesNothing() {
        byte[] first = keys.secret(PERIOD);
        byte[] copy = first.clone();
        first[0] ^= 1;

        assertThat(keys.secret(PERIOD)).isEqualTo(copy);
    }

    /** Eight threads on two nodes ask for a key nobody made yet: all get the same one. */
    @Test
    public void nodesAskingAtOnceAgreeOnOneKey() throws Exception {
        ChallengeKeys other = anotherNode(keys);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ChallengeKeys node = t % 2 == 0 ? keys : other;
                Callable<byte[]> ask = () -> {
                    start.await();
                    return node.secret(PERIOD + 7);
                };
                results.add(pool.submit(ask));
            }
            start.countDown();
            byte[] first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<byte[]> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
