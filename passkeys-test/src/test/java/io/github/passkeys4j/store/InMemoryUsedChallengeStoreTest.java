package io.github.passkeys4j.store;

import io.github.passkeys4j.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory store is bounded, and when full it refuses new records rather than forget a live one. */
class InMemoryUsedChallengeStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final InMemoryUsedChallengeStore store = new InMemoryUsedChallengeStore(clock, 3);

    @Test
    void whenFullOfLiveRecordsANewOneIsRefusedAndNoneForgotten() {
        store.markUsed("a", NOW.plusSeconds(60));
        store.markUsed("b", NOW.plusSeconds(60));
        store.markUsed("c", NOW.plusSeconds(60));

        assertThatThrownBy(() -> store.markUsed("d", NOW.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
        assertThat(store.isUsed("a")).isTrue();
        assertThat(store.markUsed("a", NOW.plusSeconds(60))).isFalse();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void whenFullExpiredRecordsMakeRoom() {
        store.markUsed("a", NOW.plusSeconds(10));
        store.markUsed("b", NOW.plusSeconds(10));
        store.markUsed("c", NOW.plusSeconds(60));
        clock.advance(Duration.ofSeconds(11));

        assertThat(store.markUsed("d", NOW.plusSeconds(120))).isTrue();

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.isUsed("c")).isTrue();
    }

    @Test
    void whenFullAnExpiredRecordBehindALiveOneMakesRoomToo() {
        // Finished out of issue order: the oldest record is live, an expired one stands behind it.
        store.markUsed("a", NOW.plusSeconds(60));
        store.markUsed("b", NOW.plusSeconds(10));
        store.markUsed("c", NOW.plusSeconds(60));
        clock.advance(Duration.ofSeconds(11));

        assertThat(store.markUsed("d", NOW.plusSeconds(120))).isTrue();

        assertThat(store.isUsed("b")).isFalse();
        assertThat(store.isUsed("a")).isTrue();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void refusesAnEmptyBound() {
        assertThatThrownBy(() -> new InMemoryUsedChallengeStore(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
