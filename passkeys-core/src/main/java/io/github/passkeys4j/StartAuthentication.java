package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#startAuthentication} needs.
 *
 * @param accountId      {@code null} for a username-less sign-in with a discoverable credential (a passkey), or the
 *                       account whose passkeys may answer (second-factor or re-authentication flows, and a
 *                       username-first sign-in for a known username)
 * @param browserBinding for a sealed (username-less or username-first) sign-in: a secret random value the caller keeps
 *                       in the browser that asks (an HttpOnly cookie, say) and passes again to
 *                       {@link FinishAuthentication#withBrowserBinding}; the sealed challenge then finishes only with
 *                       it. {@code null}: not bound
 * @param username       for a username-first sign-in ({@link #usernameFirst}), the username typed; else {@code null}
 */
public record StartAuthentication(
        @Nullable String accountId,
        @Nullable String browserBinding,
        @Nullable String username) {

    public StartAuthentication(@Nullable String accountId, @Nullable String browserBinding) {
        this(accountId, browserBinding, null);
    }

    public StartAuthentication(@Nullable String accountId) {
        this(accountId, null, null);
    }

    /**
     * A username-less sign-in: the browser offers every passkey it has for this site. Its challenge is sealed (it
     * carries its own state, signed with a server key), so starting one stores nothing.
     */
    public static StartAuthentication discoverable() {
        return new StartAuthentication(null, null, null);
    }

    public static StartAuthentication forAccount(String accountId) {
        return new StartAuthentication(Objects.requireNonNull(accountId, "accountId"), null, null);
    }

    /** For applications whose username is the account id. */
    public static StartAuthentication forUser(String username) {
        return forAccount(username);
    }

    /**
     * A username-first sign-in, for security keys and other credentials that are not discoverable: the options list the
     * account's passkeys with their transports. Its challenge is sealed like a username-less one (nothing is stored)
     * and bound to the account, so only that account's passkey can finish it, even if the username is renamed or given
     * to another account meanwhile. A username with no account, or an account with no passkeys, gets options of the
     * same shape with stand-in credential ids (the same on every call), so the answer does not tell who has an account.
     *
     * @param username  the username as typed
     * @param accountId the account the application found under that username, or {@code null} when there is none
     */
    public static StartAuthentication usernameFirst(String username, @Nullable String accountId) {
        Objects.requireNonNull(username, "username");
        return new StartAuthentication(accountId, null, username);
    }

    /** Whether this is a username-first sign-in ({@link #usernameFirst}). */
    public boolean isUsernameFirst() {
        return username != null;
    }

    /** This request, its challenge bound to {@code browserBinding} (see the record's description). */
    public StartAuthentication withBrowserBinding(String browserBinding) {
        return new StartAuthentication(accountId, Objects.requireNonNull(browserBinding, "browserBinding"), username);
    }
}
