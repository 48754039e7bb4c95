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

    Optional<Passkey> findByCredentialId(String credentialId);

    /** The user's passkeys, oldest first. */
    List<Passkey> findByUserHandle(String userHandle);

    /** Returns {@code false} when there was nothing to delete. */
    boolean delete(String credentialId);
}
