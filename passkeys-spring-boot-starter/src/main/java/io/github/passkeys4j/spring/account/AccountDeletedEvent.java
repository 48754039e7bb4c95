package io.github.passkeys4j.spring.account;

import java.util.Objects;

/**
 * Publish this (with Spring's {@code ApplicationEventPublisher}) when your app deletes an account its own way: the
 * starter deletes the account's passkeys and unfinished ceremonies and starts its id afresh, so they never sign in to
 * a later account with the same username, and sessions still signed in to the deleted account cannot add passkeys.
 * Deletions through a {@code UserDetailsManager} bean need no event.
 *
 * @param username  the deleted account's username
 * @param accountId its id as your {@link AccountIdResolver} gives it, or {@code null}: then every stored account under
 *                  the username is forgotten
 */
public record AccountDeletedEvent(String username, String accountId) {

    public AccountDeletedEvent {
        Objects.requireNonNull(username, "username");
    }

    /** The account of this username was deleted (for apps without an {@link AccountIdResolver}). */
    public AccountDeletedEvent(String username) {
        this(username, null);
    }
}
