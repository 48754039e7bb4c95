package io.github.passkeys4j.store;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers started ceremonies until they finish. What it keeps is opaque: the library writes each ceremony's state
 * as bytes and reads them back, and a store never looks inside, so new ceremony state never changes a store or its
 * schema. {@link #consume} is what makes a challenge one-time: for a given key it returns the state at most once,
 * even under concurrent calls on several nodes. Run {@code PendingCeremonyStoreContract} from {@code passkeys-test}
 * against an implementation.
 */
public interface PendingCeremonyStore {

    /**
     * Keeps {@code state} under {@code key} (the base64url challenge) until it is consumed or removed, replacing what
     * was kept under that key.
     *
     * @param expiresAt after this instant the ceremony cannot finish; {@link #removeExpired} may then forget it
     * @param accountId the account the ceremony is for, so {@link #removeByAccountId} can find it without reading the
     *                  state; {@code null} for a ceremony of no known account (a username-less sign-in)
     */
    void save(String key, Instant expiresAt, byte[] state, @Nullable String accountId);

    /**
     * Removes and returns the state kept under {@code key}, atomically: of concurrent calls for one key, at most one
     * gets it. Empty when unknown or already consumed. State that expired but was not swept yet is still returned
     * (the library then says the challenge expired rather than that it is unknown).
     */
    Optional<byte[]> consume(String key);

    /** Forgets the unfinished ceremonies saved with this {@code accountId} (the account is being deleted). */
    void removeByAccountId(String accountId);

    /**
     * Forgets ceremonies that expired before {@code now} (not those expiring at {@code now}); stores may also do this
     * on their own.
     */
    void removeExpired(Instant now);
}
