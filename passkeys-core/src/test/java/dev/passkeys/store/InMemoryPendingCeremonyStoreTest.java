package dev.passkeys.store;

import dev.passkeys.TestClock;
import dev.passkeys.UserVerification;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

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

    private static PendingCeremony ceremony(String challenge, Instant expiresAt) {
        return new PendingCeremony(challenge, PendingCeremony.Type.AUTHENTICATION, null, List.of(),
                UserVerification.REQUIRED, expiresAt);
    }

    @Test
    void consumeGivesTheCeremonyOnce() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        PendingCeremony ceremony = ceremony("c1", NOW.plusSeconds(300));
        store.save(ceremony);

        assertThat(store.consume("c1")).contains(ceremony);
        assertThat(store.consume("c1")).isEmpty();
        assertThat(store.consume("never-issued")).isEmpty();
    }

    @RepeatedTest(20)
    void consumeGivesTheCeremonyToOneOfManyRacingThreads() throws Exception {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        store.save(ceremony("contested", NOW.plusSeconds(300)));
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Optional<PendingCeremony>> racer = () -> {
            ready.countDown();
            go.await();
            return store.consume("contested");
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<PendingCeremony>>> results = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(racer)).toList();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            long winners = 0;
            for (Future<Optional<PendingCeremony>> result : results) {
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
        store.save(ceremony("oldest", NOW.plusSeconds(100)));
        store.save(ceremony("middle", NOW.plusSeconds(200)));
        store.save(ceremony("newer", NOW.plusSeconds(300)));

        store.save(ceremony("new", NOW.plusSeconds(400)));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.consume("oldest")).isEmpty();
        assertThat(store.consume("middle")).isPresent();
        assertThat(store.consume("newer")).isPresent();
        assertThat(store.consume("new")).isPresent();
    }

    @Test
    void savingTheSameChallengeAgainReplacesIt() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 3);
        store.save(ceremony("same", NOW.plusSeconds(100)));
        store.save(ceremony("same", NOW.plusSeconds(200)));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.consume("same")).hasValueSatisfying(c -> assertThat(c.expiresAt()).isEqualTo(NOW.plusSeconds(200)));
    }

    @Test
    void atTheBoundExpiredCeremoniesGoFirst() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 2);
        store.save(ceremony("expired", NOW.plusSeconds(10)));
        store.save(ceremony("live", NOW.plusSeconds(300)));
        clock.advance(Duration.ofSeconds(11));

        store.save(ceremony("new", NOW.plusSeconds(600)));

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.consume("expired")).isEmpty();
        assertThat(store.consume("live")).isPresent();
        assertThat(store.consume("new")).isPresent();
    }

    @Test
    void manyStartsNeverGrowTheStorePastItsBound() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 50);

        IntStream.range(0, 1_000).forEach(i -> store.save(ceremony("c" + i, NOW.plusSeconds(300 + i))));

        assertThat(store.size()).isEqualTo(50);
        assertThat(store.consume("c999")).as("the newest stays").isPresent();
        assertThat(store.consume("c0")).as("the oldest went").isEmpty();
    }

    @Test
    void removeExpiredForgetsOnlyWhatExpiredBeforeNow() {
        InMemoryPendingCeremonyStore store = new InMemoryPendingCeremonyStore(clock, 10);
        store.save(ceremony("expired", NOW.minusSeconds(1)));
        store.save(ceremony("expires-now", NOW));
        store.save(ceremony("live", NOW.plusSeconds(1)));

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
}
