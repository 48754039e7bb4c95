package io.github.passkeys4j.spring.account;

/**
 * How the application creates the account of a passkey-only sign-up: the app owns its users; the starter asks this
 * whether a username is free and, once the new passkey is verified, to create the account. Declaring a bean of it
 * turns sign-up on ({@code passkeys.sign-up.enabled=false} turns it off again). Without one, an app with a
 * {@code UserDetailsManager} gets sign-up with {@code passkeys.sign-up.enabled=true}: users made with an empty
 * password and {@code passkeys.sign-up.authorities}.
 *
 * <p>{@link #createAccount} runs inside the passkey storage's transaction: with JDBC storage, an account written to the
 * same database through Spring's transaction support (a {@code JdbcTemplate}, JPA) is rolled back with the passkey
 * when storing the passkey fails; otherwise {@link #removeAccount} undoes it.
 */
public interface PasskeySignUpAccounts {

    /** Whether an account has this username (checked before the browser creates a passkey, and again on creation). */
    boolean usernameExists(String username);

    /**
     * Creates an account that has no password (it signs in with passkeys only) and returns its immutable account id,
     * as the app's {@link AccountIdResolver} gives it (the username when there is none). Must refuse a taken username
     * atomically (a unique constraint): throw Spring's {@code DuplicateKeyException} or the core's
     * {@code PasskeyException} with reason {@code USERNAME_TAKEN}; the client then gets 409.
     *
     * @param username    as checked by {@code passkeys.sign-up.username-pattern}
     * @param displayName the name the user gave, or the username
     */
    String createAccount(String username, String displayName);

    /**
     * Undoes {@link #createAccount} after storing the passkey failed. Default: nothing (right when the account was
     * written in the same database transaction, which was rolled back).
     */
    default void removeAccount(String accountId) {}
}
