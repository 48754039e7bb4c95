package dev.passkeys.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * An application user as WebAuthn sees them. The user handle is 32 random bytes, made once per account and never
 * derived from the username, so it reveals nothing (WebAuthn Level 3 §14.6.1).
 *
 * @param userHandle  base64url user handle (the W3C {@code user.id})
 * @param username    the application's username, what its {@code UserDetailsService} (or equivalent) looks up
 * @param displayName the name shown by the authenticator's account chooser
 */
public record PasskeyUser(String userHandle, String username, String displayName) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public PasskeyUser {
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** A user with a new random user handle. */
    public static PasskeyUser create(String username, String displayName) {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return new PasskeyUser(Base64.getUrlEncoder().withoutPadding().encodeToString(handle), username, displayName);
    }
}
