package dev.passkeys;

import java.util.Objects;

/**
 * What {@link RelyingParty#startRegistration} needs: the signed-in account that adds a passkey.
 *
 * @param accountId   the application's immutable id of the account; the passkey is bound to it
 * @param username    the account's current username, shown by authenticators ({@code user.name})
 * @param displayName shown in the authenticator's account chooser; the username when {@code null}
 */
public record StartRegistration(String accountId, String username, String displayName) {

    public StartRegistration {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
    }

    /** For an application whose usernames never change and are never reused: the username is the account id. */
    public StartRegistration(String username, String displayName) {
        this(username, username, displayName);
    }

    public static StartRegistration forAccount(String accountId, String username) {
        return new StartRegistration(accountId, username, null);
    }

    /** The username is the account id (see {@link #StartRegistration(String, String)}). */
    public static StartRegistration forUser(String username) {
        return new StartRegistration(username, username, null);
    }
}
