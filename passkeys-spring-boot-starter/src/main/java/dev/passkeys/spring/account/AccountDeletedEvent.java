package dev.passkeys.spring.account;

import java.util.Objects;

/**
 * Publish this (with Spring's {@code ApplicationEventPublisher}) when your app deletes an account its own way: the
 * starter deletes the account's passkeys, its user handle and its unfinished ceremonies, so they never sign in to a
 * later account with the same username. Deletions through a {@code UserDetailsManager} bean need no event.
 *
 * @param username the deleted account's username
 */
public record AccountDeletedEvent(String username) {

    public AccountDeletedEvent {
        Objects.requireNonNull(username, "username");
    }
}
