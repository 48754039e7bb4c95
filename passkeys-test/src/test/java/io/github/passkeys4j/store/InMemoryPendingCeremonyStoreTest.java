package io.github.passkeys4j.store;

import io.github.passkeys4j.testing.TestClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryPendingCeremonyStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);

    private static Saved ceremony(String key, Instant expiresAt) {
        return new Saved(key, expiresAt, ("state of " + key).getBytes(StandardCharsets.UTF_8));
    }

    /** What a test saves: a key, its expiry and its state. */
    private record Saved(String key, Instant expiresAt, byte[] state) {}

    private static void save(InMemoryPendingCeremonyStore store, Saved saved) {
        store.save(saved.key(), saved.expiresAt(), saved.state(), null);
    }

    @Test
    void consumeGivesTheCeremonyOnce() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        Saved ceremony = ceremony("c1", NOW.plusSeconds(300));
        save(store, ceremony);

        assertThat(store.consume("c1"))
                .hasValueSatisfying(state -> assertThat(state).isEqualTo(ceremony.state()));
        assertThat(store.consume("c1")).isEmpty();
        assertThat(store.consume("never-issued")).isEmpty();
    }

    @RepeatedTest(20)
    void consumeGivesTheCeremonyToOneOfManyRacingThreads() throws Exception {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        save(store, ceremony("contested", NOW.plusSeconds(300)));
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Optional<byte[]>> racer = () -> {
            ready.countDown();
            go.await();
            return store.consume("contested");
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<byte[]>>> results = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(racer))
                    .toList();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            long winners = 0;
            for (Future<Optional<byte[]>> result : results) {
                winners += result.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastTheBoundTheOldestCeremonyIsDropped() {
        // A relying party gives every ceremony the same timeout, so the oldest is also the soonest to expire.
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 3);
        save(store, ceremony("oldest", NOW.plusSeconds(100)));
        save(store, ceremony("middle", NOW.plusSeconds(200)));
        save(store, ceremony("newer", NOW.plusSeconds(300)));

        save(store, ceremony("new", NOW.plusSeconds(400)));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.consume("oldest")).isEmpty();
        assertThat(store.consume("middle")).isPresent();
        assertThat(store.consume("newer")).isPresent();
        assertThat(store.consume("new")).isPresent();
    }

    @Test
    void savingTheSameChallengeAgainReplacesIt() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 3);
        save(store, ceremony("same", NOW.plusSeconds(100)));
        store.save("same", NOW.plusSeconds(200), new byte[] {2}, null);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.consume("same"))
                .hasValueSatisfying(state -> assertThat(state).containsExactly(2));
    }

    @Test
    void atTheBoundExpiredCeremoniesGoFirst() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 2);
        save(store, ceremony("expired", NOW.plusSeconds(10)));
        save(store, ceremony("live", NOW.plusSeconds(300)));
        clock.advance(Duration.ofSeconds(11));

        save(store, ceremony("new", NOW.plusSeconds(600)));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.consume("expired")).isEmpty();
        assertThat(store.consume("live")).isPresent();
        assertThat(store.consume("new")).isPresent();
    }

    @Test
    void manyStartsNeverGrowTheStorePastItsBound() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 50);

        IntStream.range(0, 1_000).forEach(i -> save(store, ceremony("c" + i, NOW.plusSeconds(300 + i))));

        assertThat(store.size()).isEqualTo(50);
        assertThat(store.consume("c999")).as("the newest stays").isPresent();
        assertThat(store.consume("c0")).as("the oldest went").isEmpty();
    }

    @Test
    void removeExpiredForgetsOnlyWhatExpiredBeforeNow() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        save(store, ceremony("expired", NOW.minusSeconds(1)));
        save(store, ceremony("expires-now", NOW));
        save(store, ceremony("live", NOW.plusSeconds(1)));

        store.removeExpired(NOW);

        assertThat(store.consume("expired")).isEmpty();
        assertThat(store.consume("expires-now")).isPresent();
        assertThat(store.consume("live")).isPresent();
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new InMemoryPendingCeremonyStore(clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPending");
    }

    @Test
    void keepsACopyOfTheStateAndForgetsAnAccountsCeremoniesByTheirTag() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        byte[] state = {1, 2, 3};
        store.save("alice", NOW.plusSeconds(300), state, "42");
        store.save("anonymous", NOW.plusSeconds(300), new byte[] {4}, null);
        state[0] = 9;

        store.removeByAccountId("43");
        assertThat(store.size()).isEqualTo(2);
        store.removeByAccountId("42");

        assertThat(store.consume("alice")).isEmpty();
        assertThat(store.consume("anonymous"))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(4));
        store.save("bob", NOW.plusSeconds(300), state, "7");
        assertThat(store.consume("bob")).hasValueSatisfying(s -> assertThat(s).containsExactly(9, 2, 3));
    }
}
