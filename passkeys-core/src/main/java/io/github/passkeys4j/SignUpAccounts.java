package io.github.passkeys4j;

/**
 * The application's side of a passkey-only sign-up: it owns its accounts, the library only binds the new passkey to
 * one. {@link RelyingParty#finishSignUp} calls {@link #create} once the passkey is verified, inside its storage
 * transaction; when storing the passkey then fails it calls {@link #remove}, so no account is left without its passkey.
 */
public interface SignUpAccounts {

    /**
     * Creates an account with no password (it signs in with passkeys only) and returns its immutable account id
     * (the username, for an app whose usernames are the account ids). Must be atomic for the username: of two calls for
     * one username exactly one succeeds, the other throws {@link PasskeyException} with
     * {@link PasskeyException.Reason#USERNAME_TAKEN} (a unique constraint does this across nodes).
     *
     * @param username    the new account's username, as checked by {@link StartSignUp}
     * @param displayName the display name the user gave; the username when none
     */
    String create(String username, String displayName);

    /**
     * Undoes {@link #create} for an account whose passkey could not be stored (a storage failure, a race lost on the
     * credential id). Default: nothing, right when the account was written in the same database transaction as the
     * passkey, which the failure rolls back.
     */
    default void remove(String accountId) {}
}
