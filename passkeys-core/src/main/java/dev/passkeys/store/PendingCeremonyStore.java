package dev.passkeys.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers started ceremonies until they finish. {@link #consume} is what makes a challenge one-time: for a given
 * challenge it returns the ceremony at most once, even under concurrent calls.
 */
public interface PendingCeremonyStore {

    void save(PendingCeremony ceremony);

    /** Removes and returns the ceremony with this challenge; empty when unknown or already consumed. */
    Optional<PendingCeremony> consume(String challenge);

    /** Forgets the unfinished ceremonies of an account that is being deleted, so none of them can finish. */
    void removeByAccountId(String accountId);

    /** Forgets ceremonies that expired before {@code now}; stores may also do this on their own. */
    void removeExpired(Instant now);
}
