package dev.passkeys.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * An application account as WebAuthn sees it. Passkeys belong to the account, named by {@code accountId}, which never
 * changes and is never reused; the username is only how the account is shown and looked up today, and may change.
 * The user handle is 32 random bytes, made once per account and never derived from the username, so it reveals
 * nothing (WebAuthn Level 3 §14.6.1).
 *
 * @param userHandle  base64url user handle (the W3C {@code user.id})
 * @param accountId   the application's immutable id of the account (its primary key, say); the username when the
 *                    application has nothing better and tells the library about renames and deletions
 * @param username    the account's current username (the W3C {@code user.name}), what the application's user lookup
 *                    takes
 * @param displayName the name shown by the authenticator's account chooser
 * @param notBefore   sign-ins before this instant do not count for this account (it was deleted, or its name given to
 *                    a new account, then); {@code null} when there was no such change
 */
public record PasskeyUser(String userHandle, String accountId, String username, String displayName,
                          Instant notBefore) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public PasskeyUser {
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** An account that was never deleted or given away. */
    public PasskeyUser(String userHandle, String accountId, String username, String displayName) {
        this(userHandle, accountId, username, displayName, null);
    }

    /** An account whose id is its username (for applications whose usernames never change and are never reused). */
    public PasskeyUser(String userHandle, String username, String displayName) {
        this(userHandle, username, username, displayName, null);
    }

    /** An account with a new random user handle. */
    public static PasskeyUser create(String accountId, String username, String displayName) {
        return new PasskeyUser(newUserHandle(), accountId, username, displayName, null);
    }

    /**
     * What is left of an account that was deleted (or whose id was given to another account) at {@code when}: a new
     * user handle, so nothing made for the old one matches, and sessions signed in before {@code when} do not count.
     */
    public static PasskeyUser startingAfresh(String accountId, String username, Instant when) {
        return new PasskeyUser(newUserHandle(), accountId, username, username, Objects.requireNonNull(when, "when"));
    }

    private static String newUserHandle() {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
    }

    /** An account whose id is its username, with a new random user handle. */
    public static PasskeyUser create(String username, String displayName) {
        return create(username, username, displayName);
    }

    /** This account under a new username and display name (the account id and user handle stay). */
    public PasskeyUser withNames(String newUsername, String newDisplayName) {
        return new PasskeyUser(userHandle, accountId, newUsername, newDisplayName, notBefore);
    }
}
