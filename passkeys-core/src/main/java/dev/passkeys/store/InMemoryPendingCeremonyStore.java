package dev.passkeys.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pending ceremonies in memory. Anyone can start a sign-in, so the store is bounded: expired ceremonies are swept as
 * new ones arrive, and past {@code maxPending} live ones the soonest to expire is dropped (its user just retries).
 * For several application nodes use a shared store (the starter's JDBC one).
 */
public final class InMemoryPendingCeremonyStore implements PendingCeremonyStore {

    /** Default bound on live ceremonies. */
    public static final int DEFAULT_MAX_PENDING = 100_000;

    private final Map<String, PendingCeremony> byChallenge = new ConcurrentHashMap<>();
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
    public void save(PendingCeremony ceremony) {
        if (byChallenge.size() >= maxPending) {
            removeExpired(clock.instant());
            while (byChallenge.size() >= maxPending) {
                byChallenge.values().stream()
                        .min((a, b) -> a.expiresAt().compareTo(b.expiresAt()))
                        .ifPresent(oldest -> byChallenge.remove(oldest.challenge(), oldest));
            }
        }
        byChallenge.put(ceremony.challenge(), ceremony);
    }

    @Override
    public Optional<PendingCeremony> consume(String challenge) {
        return Optional.ofNullable(byChallenge.remove(challenge));
    }

    @Override
    public void removeExpired(Instant now) {
        byChallenge.values().removeIf(c -> c.expiresAt().isBefore(now));
    }

    int size() {
        return byChallenge.size();
    }
}
