package io.github.passkeys4j.spring.account;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Names the application account a {@link UserDetails} stands for, with an id that never changes and is never given
 * to another account (your user table's primary key, say). Passkeys are bound to this id, not to the username: a
 * passkey then signs in only to the account it was made for, even after a username is renamed or taken again.
 * <p>
 * Without a bean of this type the username is the account id; the starter then keeps passkeys in step with your
 * accounts through {@code UserDetailsManager} and the {@link AccountDeletedEvent} / {@link UsernameChangedEvent} you
 * publish (README, "Account lifecycle").
 */
@FunctionalInterface
public interface AccountIdResolver {

    /** The username as account id: right only while the app tells the starter about deletions and renames. */
    AccountIdResolver USERNAME = UserDetails::getUsername;

    /** The immutable id of the user's account; never {@code null} or blank. */
    String accountIdOf(UserDetails user);
}
