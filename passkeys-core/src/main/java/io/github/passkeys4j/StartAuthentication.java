package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#startAuthentication} needs.
 *
 * @param accountId      {@code null} for a username-less sign-in with a discoverable credential (a passkey), or the
 *                       account whose passkeys may answer (second-factor or re-authentication flows)
 * @param browserBinding for a username-less sign-in: a secret random value the caller keeps in the browser that asks
 *                       (an HttpOnly cookie, say) and passes again to {@link FinishAuthentication#withBrowserBinding};
 *                       the sealed challenge then finishes only with it. {@code null}: not bound
 */
public record StartAuthentication(
        @Nullable String accountId, @Nullable String browserBinding) {

    public StartAuthentication(@Nullable String accountId) {
        this(accountId, null);
    }

    /**
     * A username-less sign-in: the browser offers every passkey it has for this site. Its challenge is sealed (it
     * carries its own state, signed with a server key), so starting one stores nothing.
     */
    public static StartAuthentication discoverable() {
        return new StartAuthentication(null, null);
    }

    public static StartAuthentication forAccount(String accountId) {
        return new StartAuthentication(Objects.requireNonNull(accountId, "accountId"), null);
    }

    /** For applications whose username is the account id. */
    public static StartAuthentication forUser(String username) {
        return forAccount(username);
    }

    /** This request, its challenge bound to {@code browserBinding} (see the record's description). */
    public StartAuthentication withBrowserBinding(String browserBinding) {
        return new StartAuthentication(accountId, Objects.requireNonNull(browserBinding, "browserBinding"));
    }
}
