package io.github.passkeys4j.store;

import java.time.Instant;

/**
 * Remembers which sealed sign-in challenges were used, so each finishes at most once on any node. A sealed challenge
 * carries its own state (signed with a server key), so starting a sign-in writes nothing; only a finished one is
 * recorded here, under a key derived from its challenge, until it would have expired anyway. Run
 * {@code UsedChallengeStoreContract} from {@code passkeys-test} against an implementation.
 */
public interface UsedChallengeStore {

    /**
     * Records {@code key} as used until {@code keepUntil}. Returns {@code true} when this call recorded it and
     * {@code false} when it was recorded already: of any number of calls for one key, on any number of nodes, at most
     * one returns {@code true} for as long as the record is kept. A store that cannot record (full, unreachable)
     * throws rather than answer {@code true}.
     *
     * @param key       a base64url SHA-256 hash of the challenge (43 characters)
     * @param keepUntil the record may be forgotten after this instant
     */
    boolean markUsed(String key, Instant keepUntil);

    /**
     * Whether {@code key} is recorded (read only). The library asks only when it refuses a sign-in, to tell a replay
     * (a challenge used already) from the check that refused it first; {@link #markUsed} alone decides races.
     */
    boolean isUsed(String key);

    /**
     * Forgets records kept until before {@code now}. May forget only a bounded batch per call (the library calls it
     * now and then from the nodes that record challenges, never from a scheduler), and must tolerate several nodes
     * calling it at once.
     */
    void removeExpired(Instant now);
}
