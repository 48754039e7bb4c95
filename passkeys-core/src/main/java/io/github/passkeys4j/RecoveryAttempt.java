package io.github.passkeys4j;

import java.util.Objects;

/**
 * A recovery code entered for an account, or for a username that names none (which is answered exactly like a wrong
 * code, after the same work).
 *
 * @param accountId the account's id; {@code null} when the username names no account
 * @param username  the username as entered (keys the wrong tries of an unknown user)
 * @param code      the code as entered
 */
public record RecoveryAttempt(String accountId, String username, String code) {

    public RecoveryAttempt {
        Objects.requireNonNull(username, "username");
    }

    public static RecoveryAttempt forAccount(String accountId, String username, String code) {
        return new RecoveryAttempt(Objects.requireNonNull(accountId, "accountId"), username, code);
    }

    public static RecoveryAttempt forUnknownUser(String username, String code) {
        return new RecoveryAttempt(null, username, code);
    }
}
