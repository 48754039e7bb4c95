package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

import java.util.Objects;

/**
 * A sign-up that succeeded: the new account, as stored for passkeys, and its first passkey. The user has just proved
 * possession of the passkey, so an app may sign them in at once.
 *
 * @param user    the new account (its account id from {@link SignUpAccounts#create}, its random user handle)
 * @param passkey the account's only passkey
 */
public record SignUpResult(PasskeyUser user, Passkey passkey) {

    public SignUpResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passkey, "passkey");
    }

    /** The new account's id, as {@link SignUpAccounts#create} returned it. */
    public String accountId() {
        return user.accountId();
    }
}
