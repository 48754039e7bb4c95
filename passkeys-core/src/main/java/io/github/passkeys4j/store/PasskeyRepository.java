package io.github.passkeys4j.store;

import java.util.List;
import java.util.Optional;

/**
 * Where passkeys are kept. Implement it to use your own storage; the library ships an in-memory implementation and
 * (in the Spring Boot starter) a JDBC one. Methods never return {@code null}. There is no full replace: a stored
 * passkey changes only through {@link #recordUse} (a sign-in) and {@link #updateSettings} (the user's name and enabled
 * flag), so no write can undo another that raced it. Run {@code PasskeyRepositoryContract} from {@code passkeys-test}
 * against an implementation.
 */
public interface PasskeyRepository {

    /**
     * Stores a new passkey.
     *
     * @throws io.github.passkeys4j.PasskeyException with reason {@code CREDENTIAL_ALREADY_REGISTERED} when the credential ID is
     *                                       already stored (for any user); nothing is written then
     */
    void add(Passkey passkey);

    /**
     * Records a sign-in: stores {@code used}'s sign count, backup state, UV-initialized flag and last-used time, but
     * only while the stored sign count is still {@code expectedSignCount}, so of two sign-ins that raced with the same
     * counter only one is recorded (a cloned authenticator cannot slip through), and only while the passkey is
     * enabled (one disabled while its sign-in was being verified does not sign in). Everything else stays as stored.
     * Returns {@code false} when the counter moved in between, the passkey was disabled, or it is gone. It must be one
     * atomic compare-and-set (a conditional {@code UPDATE}, a conditional write, a lock).
     */
    boolean recordUse(Passkey used, long expectedSignCount);

    /**
     * Stores the user's settings of this passkey, its name and whether it is enabled, and nothing else: a rename that
     * races a sign-in then never writes back an older sign counter. Returns {@code false} when the passkey is gone.
     */
    boolean updateSettings(Passkey passkey);

    Optional<Passkey> findByCredentialId(String credentialId);

    /**
     * Whether the passkey is stored, enabled and still the account {@code userHandle}'s. Asked on every request of a
     * session the passkey signed in: a deleted or disabled passkey signs its sessions out, and so does one deleted and
     * registered again by another account (an authenticator chooses its credential IDs, so an attacker's can reuse a
     * deleted one). A store should answer it from the two columns: the default reads the whole passkey, attestation
     * included.
     */
    default boolean isEnabled(String credentialId, String userHandle) {
        return findByCredentialId(credentialId)
                .filter(passkey -> passkey.userHandle().equals(userHandle))
                .map(Passkey::enabled)
                .orElse(false);
    }

    /** The user's passkeys, oldest first. */
    List<Passkey> findByUserHandle(String userHandle);

    /** Returns {@code false} when there was nothing to delete. */
    boolean delete(String credentialId);

    /** Deletes every passkey of the user handle's account (the account is being deleted); returns how many. */
    int deleteByUserHandle(String userHandle);
}
