package dev.passkeys.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, PendingCeremony> byChallenge = new LinkedHashMap<>();
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
    public synchronized void save(PendingCeremony ceremony) {
        byChallenge.remove(ceremony.challenge());
        if (byChallenge.size() >= maxPending) {
            removeExpired(clock.instant());
        }
        Iterator<PendingCeremony> oldestFirst = byChallenge.values().iterator();
        while (byChallenge.size() >= maxPending && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        byChallenge.put(ceremony.challenge(), ceremony);
    }

    @Override
    public synchronized Optional<PendingCeremony> consume(String challenge) {
        return Optional.ofNullable(byChallenge.remove(challenge));
    }

    @Override
    public synchronized void removeByAccountId(String accountId) {
        // A scan: account deletion is rare, and the store is bounded.
        byChallenge.values().removeIf(c -> c.user() != null && c.user().accountId().equals(accountId));
    }

    @Override
    public synchronized void removeExpired(Instant now) {
        Iterator<PendingCeremony> oldestFirst = byChallenge.values().iterator();
        while (oldestFirst.hasNext()) {
            if (!oldestFirst.next().expiresAt().isBefore(now)) {
                break;
            }
            oldestFirst.remove();
        }
    }

    synchronized int size() {
        return byChallenge.size();
    }
}
