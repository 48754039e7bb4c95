package io.github.passkeys4j.store;

import java.util.List;
import java.util.Optional;

/**
 * Maps application accounts to WebAuthn user handles. An account id has one user handle and a user handle one
 * account; usernames need not be unique here (a renamed or deleted account the library was not told about may still
 * carry one). Methods never return {@code null}.
 */
public interface PasskeyUserRepository {

    Optional<PasskeyUser> findByAccountId(String accountId);

    Optional<PasskeyUser> findByUserHandle(String userHandle);

    /** Every account stored under this username (usually one, none for a user who never added a passkey). */
    List<PasskeyUser> findByUsername(String username);

    /**
     * Stores a new account. Returns {@code false}, and stores nothing, when the account id or the user handle is
     * already stored (another registration of the same account won a race). Storage in a transaction should leave the
     * transaction to be rolled back after {@code false}: the library throws right away.
     */
    boolean create(PasskeyUser user);

    /**
     * Stores new names (and, after a rename of an account whose id is its username, a new account id) for the user
     * handle's account. Returns {@code false} when there is no such account, or the new account id belongs to another.
     */
    boolean update(PasskeyUser user);

    /** Removes the account with this user handle; {@code false} when there was none. */
    boolean delete(String userHandle);
}
