package io.github.passkeys4j;

import java.util.Objects;

/**
 * Where an account goes in {@link PasskeyManagement#renameAccount}: its account id (the same one when only the
 * username changes) and its new username.
 *
 * @param accountId the account id after the change
 * @param username  the username after the change
 */
public record AccountNames(String accountId, String username) {

    public AccountNames {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
    }

    /** The same account id under a new username. */
    public static AccountNames sameIdNewUsername(String accountId, String newUsername) {
        return new AccountNames(accountId, newUsername);
    }
}
