package io.github.passkeys4j.testing;

import io.github.passkeys4j.store.PendingCeremonyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link PendingCeremonyStore} must do, above all that {@code consume} hands out a ceremony at most once
 * under concurrent calls. Extend it in your store's tests and return a new, empty store from {@link #createStore()}.
 */
public abstract class PendingCeremonyStoreContract {

    private static final int THREADS = 8;

    /** A fixed instant with microseconds, which every store must keep exactly. */
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    private PendingCeremonyStore ceremonies;

    /** A store with nothing in it; called before each test. */
    protected abstract PendingCeremonyStore createStore();

    @BeforeEach
    final void createEmptyStore() {
        ceremonies = createStore();
    }

    /** The store under test. */
    protected final PendingCeremonyStore ceremonies() {
        return ceremonies;
    }

    /** State as the library writes it: JSON bytes, here with every byte value a store might mangle. */
    protected static byte[] state(String key) {
        byte[] json =
                ("{\"version\":1,\"challenge\":\"" + key + "\",\"name\":\"naïve ✓\"}").getBytes(StandardCharsets.UTF_8);
        byte[] state = new byte[json.length + 256];
        System.arraycopy(json, 0, state, 0, json.length);
        for (int b = 0; b < 256; b++) {
            state[json.length + b] = (byte) b;
        }
        return state;
    }

    private void save(String key, Instant expiresAt) {
        ceremonies().save(key, expiresAt, state(key), null);
    }

    @Test
    public void stateRoundTripsByteForByte() {
        ceremonies().save("Y2hhbGxlbmdlLTE", T0, state("Y2hhbGxlbmdlLTE"), "alice@example.com");

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE"))
                .hasValueSatisfying(state -> assertThat(state).isEqualTo(state("Y2hhbGxlbmdlLTE")));
    }

    @Test
    public void aCeremonyIsConsumedOnce() {
        save("Y2hhbGxlbmdlLTE", T0);
        save("Y2hhbGxlbmdlLTI", T0);

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isPresent();
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isEmpty();
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTI")).isPresent();
        assertThat(ceremonies().consume("dW5rbm93bg")).isEmpty();
    }

    @Test
    public void anExpiredCeremonyNotYetSweptIsStillReturned() {
        save("Y2hhbGxlbmdlLTE", T0.minusSeconds(3600));

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isPresent();
    }

    @Test
    public void savingAKnownKeyAgainReplacesTheCeremony() {
        save("Y2hhbGxlbmdlLTE", T0);
        byte[] replacement = state("cmVwbGFjZW1lbnQ");

        ceremonies().save("Y2hhbGxlbmdlLTE", T0.plusSeconds(60), replacement, "alice@example.com");

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE"))
                .hasValueSatisfying(state -> assertThat(state).isEqualTo(replacement));
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isEmpty();
    }

    /** Eight threads race to consume each of 25 challenges: every challenge has exactly one winner. */
    @Test
    public void concurrentConsumersGetEachCeremonyExactlyOnce() throws Exception {
        int challenges = 25;
        for (int i = 0; i < challenges; i++) {
            save("Y2hhbGxlbmdl" + i, T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < challenges; i++) {
                String challenge = "Y2hhbGxlbmdl" + i;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<byte[]>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Callable<Optional<byte[]>> consume = () -> {
                        start.await();
                        return ceremonies().consume(challenge);
                    };
                    results.add(pool.submit(consume));
                }
                start.countDown();
                List<byte[]> winners = new ArrayList<>();
                for (Future<Optional<byte[]>> result : results) {
                    result.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
                }
                assertThat(winners).as("winners for %s", challenge).hasSize(1);
                assertThat(winners.get(0)).isEqualTo(state(challenge));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void removeExpiredForgetsOnlyCeremoniesThatExpiredBeforeNow() {
        save("ZXhwaXJlZA", T0.minusNanos(1_000));
        save("ZXhwaXJlcy1ub3c", T0);
        ceremonies().save("bGl2ZQ", T0.plusSeconds(300), state("bGl2ZQ"), "alice@example.com");

        ceremonies().removeExpired(T0);

        assertThat(ceremonies().consume("ZXhwaXJlZA")).isEmpty();
        assertThat(ceremonies().consume("ZXhwaXJlcy1ub3c")).isPresent();
        assertThat(ceremonies().consume("bGl2ZQ")).isPresent();
    }

    @Test
    public void removeByAccountIdForgetsOnlyThatAccountsCeremonies() {
        ceremonies().save("YWxpY2U", T0.plusSeconds(300), state("YWxpY2U"), "alice@example.com");
        ceremonies().save("Ym9i", T0.plusSeconds(300), state("Ym9i"), "bob@example.com");
        save("YW5vbnltb3Vz", T0.plusSeconds(300));

        ceremonies().removeByAccountId("alice@example.com");
        ceremonies().removeByAccountId("nobody");

        assertThat(ceremonies().consume("YWxpY2U")).isEmpty();
        assertThat(ceremonies().consume("Ym9i")).isPresent();
        assertThat(ceremonies().consume("YW5vbnltb3Vz")).isPresent();
    }
}
