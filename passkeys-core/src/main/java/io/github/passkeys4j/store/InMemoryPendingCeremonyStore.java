package io.github.passkeys4j.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pending ceremonies in memory. Anyone can start a sign-in, so the store is bounded and every operation is O(1)
 * (sweeping is O(expired)): past {@code maxPending} live ceremonies the oldest is dropped (its user just retries),
 * and expired ones are swept from the oldest end. Ceremonies are kept in the order they were started, which is the
 * order they expire in when they share one timeout, as a relying party's do. For several application nodes use a
 * shared store (the starter's JDBC one).
 */
public final class InMemoryPendingCeremonyStore implements PendingCeremonyStore {

    /** Default bound on live ceremonies. */
    public static final int DEFAULT_MAX_PENDING = 100_000;

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final Clock clock;
    private final int maxPending;

    public InMemoryPendingCeremonyStore() {
        this(Clock.systemUTC(), DEFAULT_MAX_PENDING);
    }

    public InMemoryPendingCeremonyStore(Clock clock, int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive");
        }
        this.clock = clock;
        this.maxPending = maxPending;
    }

    @Override
    public synchronized void save(String key, Instant expiresAt, byte[] state, String accountId) {
        Entry entry = new Entry(Objects.requireNonNull(expiresAt, "expiresAt"), state.clone(), accountId);
        byKey.remove(Objects.requireNonNull(key, "key"));
        if (byKey.size() >= maxPending) {
            removeExpired(clock.instant());
        }
        Iterator<Entry> oldestFirst = byKey.values().iterator();
        while (byKey.size() >= maxPending && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        byKey.put(key, entry);
    }

    @Override
    public synchronized Optional<byte[]> consume(String key) {
        return Optional.ofNullable(byKey.remove(key)).map(Entry::state);
    }

    @Override
    public synchronized void removeByAccountId(String accountId) {
        // A scan: account deletion is rare, and the store is bounded.
        byKey.values().removeIf(entry -> accountId.equals(entry.accountId()));
    }

    @Override
    public synchronized void removeExpired(Instant now) {
        Iterator<Entry> oldestFirst = byKey.values().iterator();
        while (oldestFirst.hasNext()) {
            if (!oldestFirst.next().expiresAt().isBefore(now)) {
                break;
            }
            oldestFirst.remove();
        }
    }

    synchronized int size() {
        return byKey.size();
    }

    private record Entry(Instant expiresAt, byte[] state, String accountId) {}
}
