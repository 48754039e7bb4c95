package dev.passkeys;

import java.util.Objects;

/**
 * What {@link RelyingParty#startRegistration} needs: the signed-in user who adds a passkey.
 *
 * @param username    the application's username (stable; what identifies the account)
 * @param displayName shown in the authenticator's account chooser; the username when {@code null}
 */
public record StartRegistration(String username, String displayName) {

    public StartRegistration {
        Objects.requireNonNull(username, "username");
    }

    public static StartRegistration forUser(String username) {
        return new StartRegistration(username, null);
    }
}
