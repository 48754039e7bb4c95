package io.github.passkeys4j.store;

/**
 * The server keys that seal sign-in challenges, one per rotation period, shared by every node. Key {@code keyId} is
 * the one for period {@code keyId} (the library derives it from the clock: epoch seconds divided by the rotation
 * period), so all nodes sign with the same key at the same time, and each verifies a challenge with the key whose id
 * it carries. Implementations create a period's key on first use, once for all nodes (a random 32-byte secret), and
 * cache it. Run {@code ChallengeKeysContract} from {@code passkeys-test} against an implementation.
 * <p>
 * Key {@value #LONG_LIVED_KEY_ID} is apart: it never rotates and must never be deleted (made once, like the others,
 * and kept). It derives the stand-in credential ids a username-first sign-in offers for an unknown username, which
 * must stay the same for as long as a real account's do.
 */
public interface ChallengeKeys {

    /** The id of the key that never rotates; period key ids are positive. */
    long LONG_LIVED_KEY_ID = 0;

    /**
     * The secret of key {@code keyId}: at least 32 bytes, the same on every node and on every call. Creates it when
     * no node has yet. The library asks only for ids near the current period, and
     * {@link #LONG_LIVED_KEY_ID}.
     */
    byte[] secret(long keyId);
}
