package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#startAuthentication} needs.
 *
 * @param accountId {@code null} for a username-less sign-in with a discoverable credential (a passkey), or the
 *                  account whose passkeys may answer (second-factor or re-authentication flows)
 */
public record StartAuthentication(@Nullable String accountId) {

    /** A username-less sign-in: the browser offers every passkey it has for this site. */
    public static StartAuthentication discoverable() {
        return new StartAuthentication(null);
    }

    public static StartAuthentication forAccount(String accountId) {
        return new StartAuthentication(Objects.requireNonNull(accountId, "accountId"));
    }

    /** For applications whose username is the account id. */
    public static StartAuthentication forUser(String username) {
        return forAccount(username);
    }
}
