package dev.passkeys;

/**
 * What {@link RelyingParty#startAuthentication} needs.
 *
 * @param username {@code null} for a username-less sign-in with a discoverable credential (a passkey), or the user
 *                 whose passkeys may answer (second-factor or re-authentication flows)
 */
public record StartAuthentication(String username) {

    /** A username-less sign-in: the browser offers every passkey it has for this site. */
    public static StartAuthentication discoverable() {
        return new StartAuthentication(null);
    }

    public static StartAuthentication forUser(String username) {
        return new StartAuthentication(java.util.Objects.requireNonNull(username, "username"));
    }
}
