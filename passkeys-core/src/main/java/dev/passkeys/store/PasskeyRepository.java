package dev.passkeys.store;

import java.util.List;
import java.util.Optional;

/**
 * Where passkeys are kept. Implement it to use your own storage; the library ships an in-memory implementation and
 * (in the Spring Boot starter) a JDBC one. Methods never return {@code null}.
 */
public interface PasskeyRepository {

    /**
     * Stores a new passkey.
     *
     * @throws dev.passkeys.PasskeyException with reason {@code CREDENTIAL_ALREADY_REGISTERED} when the credential ID is
     *                                       already stored (for any user); nothing is written then
     */
    void add(Passkey passkey);

    /** Replaces the stored passkey with the same credential ID; returns {@code false} when there is none. */
    boolean update(Passkey passkey);

    /**
     * Records a sign-in: stores {@code used}'s sign count, backup state, UV-initialized flag and last-used time, but
     * only while the stored sign count is still {@code expectedSignCount}, so of two sign-ins that raced with the same
     * counter only one is recorded (a cloned authenticator cannot slip through). Name and enabled stay as stored.
     * Returns {@code false} when the counter moved in between or the passkey is gone.
     * <p>
     * The default reads, compares and writes without atomicity; storage that can (the JDBC and in-memory
     * implementations do) should make it one atomic compare-and-set.
     */
    default boolean recordUse(Passkey used, long expectedSignCount) {
        return findByCredentialId(used.credentialId())
                .filter(stored -> stored.signCount() == expectedSignCount)
                .map(stored -> update(stored.usedAt(used.lastUsedAt(), used.signCount(), used.backupState(),
                        used.uvInitialized())))
                .orElse(false);
    }

    /**
     * Stores the user's settings of this passkey, its name and whether it is enabled, and nothing else: a rename that
     * races a sign-in then never writes back an older sign counter. Returns {@code false} when the passkey is gone.
     * <p>
     * The default reads and writes the whole passkey; storage that can (the JDBC and in-memory implementations do)
     * should update just those two fields.
     */
    default boolean updateSettings(Passkey passkey) {
        return findByCredentialId(passkey.credentialId())
                .map(stored -> update(stored.withName(passkey.name()).withEnabled(passkey.enabled())))
                .orElse(false);
    }

    Optional<Passkey> findByCredentialId(String credentialId);

    /** The user's passkeys, oldest first. */
    List<Passkey> findByUserHandle(String userHandle);

    /** Returns {@code false} when there was nothing to delete. */
    boolean delete(String credentialId);

    /** Deletes every passkey of the user handle's account (the account is being deleted); returns how many. */
    int deleteByUserHandle(String userHandle);
}
