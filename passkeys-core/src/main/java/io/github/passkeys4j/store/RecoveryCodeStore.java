package io.github.passkeys4j.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the recovery codes of accounts (only their slow hashes, see {@link StoredRecoveryCode}) and the wrong tries
 * that lock recovery for a while. Run {@code RecoveryCodeStoreContract} from {@code passkeys-test} against an
 * implementation. Lists are never null; shared storage must give the same answers on every node.
 */
public interface RecoveryCodeStore {

    /**
     * Replaces every code of the account (used or not) with {@code codes}, as one unit: a reader sees the old set or
     * the new one, never a mix or none, and a code of the old set never works again afterwards. Concurrent
     * replacements for one account, on any number of nodes, leave exactly one whole set: the account may have no
     * passkey, so no lock of the caller's covers them.
     */
    void replaceAll(String accountId, List<StoredRecoveryCode> codes);

    /** The account's codes not used yet, oldest first; empty when it has none. */
    List<StoredRecoveryCode> findUnused(String accountId);

    /** How many codes of the account are not used yet. */
    default int countUnused(String accountId) {
        return findUnused(accountId).size();
    }

    /**
     * Marks one unused code as used. Returns {@code true} when this call marked it and {@code false} when it was used
     * already or is not (any longer) stored: of any number of calls for one code, on any number of nodes, at most one
     * returns {@code true}.
     */
    boolean markUsed(String accountId, String codeId, Instant usedAt);

    /**
     * Gives back a code that {@link #markUsed} marked at {@code usedAt}, when the sign-in it let in was refused after
     * it (an app's session limit): the code works again. Returns {@code true} when this call gave it back; a code
     * marked at another time, or replaced since, stays as it is (one conditional {@code UPDATE … WHERE used_at = ?}).
     */
    boolean markUnused(String accountId, String codeId, Instant usedAt);

    /** Forgets every code of the account (when the account is deleted). */
    void deleteAll(String accountId);

    /**
     * Counts one wrong try under {@code key} (an account id, or a key for an unknown username) in one atomic step:
     * when the stored count has expired (its {@code until} is before {@code now}) or there is none, it becomes 1,
     * else it grows by 1; either way it is kept until {@code now + keepFor}. Returns the count as stored by this call.
     * Concurrent calls for one key, on any number of nodes, each count once.
     */
    RecoveryAttempts recordFailure(String key, Instant now, Duration keepFor);

    /** The wrong tries counted under {@code key}, expired or not; empty when none are stored. */
    Optional<RecoveryAttempts> attempts(String key);

    /** Forgets the wrong tries under {@code key} (after a right code). */
    void clearFailures(String key);
}
