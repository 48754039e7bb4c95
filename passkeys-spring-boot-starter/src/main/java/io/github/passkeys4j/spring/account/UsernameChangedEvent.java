package io.github.passkeys4j.spring.account;

import java.util.Objects;

/**
 * Publish this when your app renames an account: its passkeys follow it to the new username (and are shown under the
 * new name by passkey providers after the next visit to the passkeys page).
 *
 * @param oldUsername the username before the change
 * @param newUsername the username after it
 */
public record UsernameChangedEvent(String oldUsername, String newUsername) {

    public UsernameChangedEvent {
        Objects.requireNonNull(oldUsername, "oldUsername");
        Objects.requireNonNull(newUsername, "newUsername");
    }
}
