package io.github.passkeys4j.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Used challenges in memory, for one node. Records are kept in the order they were made (when a sign-in finished),
 * which is close to the order they expire in (when their challenge was issued, plus one timeout), so a sweep stops at
 * the first live record: O(expired), at the cost of keeping some expired records up to one timeout longer. Bounded:
 * past {@code maxRecords} live records, after a sweep of every record, a new one is refused (the sign-in fails, the
 * user retries) rather than an old one forgotten, since forgetting a live record would let its challenge be used
 * twice.
 */
public final class InMemoryUsedChallengeStore implements UsedChallengeStore {

    /** Default bound on live records. */
    public static final int DEFAULT_MAX_RECORDS = 1_000_000;

    private final Map<String, Instant> keepUntil = new LinkedHashMap<>();
    private final Clock clock;
    private final int maxRecords;

    public InMemoryUsedChallengeStore() {
        this(Clock.systemUTC(), DEFAULT_MAX_RECORDS);
    }

    public InMemoryUsedChallengeStore(Clock clock, int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxRecords = maxRecords;
    }

    @Override
    public synchronized boolean markUsed(String key, Instant until) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(until, "keepUntil");
        if (keepUntil.containsKey(key)) {
            return false;
        }
        if (keepUntil.size() >= maxRecords) {
            Instant now = clock.instant();
            keepUntil.values().removeIf(expiry -> expiry.isBefore(now)); // every expired record, not just the oldest
            if (keepUntil.size() >= maxRecords) {
                throw new IllegalStateException("too many sign-ins in flight: " + maxRecords + " challenges recorded");
            }
        }
        keepUntil.put(key, until);
        return true;
    }

    @Override
    public synchronized boolean isUsed(String key) {
        return keepUntil.containsKey(key);
    }

    @Override
    public synchronized void removeExpired(Instant now) {
        Iterator<Instant> oldestFirst = keepUntil.values().iterator();
        while (oldestFirst.hasNext()) {
            if (!oldestFirst.next().isBefore(now)) {
                break;
            }
            oldestFirst.remove();
        }
    }

    synchronized int size() {
        return keepUntil.size();
    }
}
