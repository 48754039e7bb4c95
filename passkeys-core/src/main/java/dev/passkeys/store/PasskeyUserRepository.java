package dev.passkeys.store;

import java.util.Optional;

/** Maps application usernames to WebAuthn user handles. Methods never return {@code null}. */
public interface PasskeyUserRepository {

    Optional<PasskeyUser> findByUsername(String username);

    Optional<PasskeyUser> findByUserHandle(String userHandle);

    /** Stores the user, or replaces the one with the same user handle (a changed display name, say). */
    void save(PasskeyUser user);
}
