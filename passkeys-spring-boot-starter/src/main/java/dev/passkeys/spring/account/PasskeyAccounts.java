package dev.passkeys.spring.account;

import dev.passkeys.PasskeyManagement;
import dev.passkeys.RelyingParty;
import dev.passkeys.store.PasskeyUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Objects;
import java.util.Optional;

/**
 * Keeps passkeys bound to the application's accounts: names the account of a signed-in user, and forgets or renames
 * an account's passkeys when the application deletes or renames it. The starter calls it for a
 * {@code UserDetailsManager} bean and on {@link AccountDeletedEvent} / {@link UsernameChangedEvent}; an application
 * may call it directly too.
 */
public final class PasskeyAccounts {

    private static final Log log = LogFactory.getLog(PasskeyAccounts.class);

    private final PasskeyManagement management;
    private final AccountIdResolver ids;
    private final UserDetailsService users;

    /**
     * @param ids   the application's account ids; {@link AccountIdResolver#USERNAME} when it has none
     * @param users loads a signed-in user whose principal is not a {@code UserDetails}; may be {@code null}
     */
    public PasskeyAccounts(RelyingParty relyingParty, AccountIdResolver ids, UserDetailsService users) {
        this.management = relyingParty.management();
        this.ids = Objects.requireNonNull(ids, "ids");
        this.users = users;
    }

    /** The account of a signed-in user; empty for an anonymous or unauthenticated one. */
    public Optional<Account> current(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        UserDetails user;
        try {
            user = authentication.getPrincipal() instanceof UserDetails details ? details
                    : users != null ? users.loadUserByUsername(authentication.getName()) : null;
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
        if (user == null) {
            return ids == AccountIdResolver.USERNAME
                    ? Optional.of(new Account(authentication.getName(), authentication.getName()))
                    : Optional.empty();
        }
        return Optional.of(new Account(accountIdOf(user), user.getUsername()));
    }

    /** The account id of a user, as the application's {@link AccountIdResolver} gives it. */
    public String accountIdOf(UserDetails user) {
        String id = ids.accountIdOf(user);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("the AccountIdResolver gave no account id for " + user.getUsername());
        }
        return id;
    }

    /** Forgets the passkeys of the account with this id (its passkeys, user handle, unfinished ceremonies). */
    public int deleteAccount(String accountId) {
        int deleted = management.deleteAccount(accountId);
        if (deleted > 0) {
            log.info("Passkeys for Java: an account was deleted, and its " + deleted + " passkey(s) with it");
        }
        return deleted;
    }

    /** Forgets every stored account under this username (the application deleted the account of that name). */
    @EventListener
    public void onAccountDeleted(AccountDeletedEvent event) {
        for (PasskeyUser account : management.accountsNamed(event.username())) {
            deleteAccount(account.accountId());
        }
    }

    /** Moves the passkeys of the account named {@code oldUsername} to {@code newUsername}. */
    @EventListener
    public void onUsernameChanged(UsernameChangedEvent event) {
        for (PasskeyUser account : management.accountsNamed(event.oldUsername())) {
            // An account whose id is its username moves to the new id as well.
            String newId = account.accountId().equals(event.oldUsername()) && ids == AccountIdResolver.USERNAME
                    ? event.newUsername() : account.accountId();
            if (!management.renameAccount(account.accountId(), newId, event.newUsername())) {
                throw new IllegalStateException("cannot move the passkeys of " + event.oldUsername() + " to "
                        + event.newUsername() + ": that name already has passkeys of another account");
            }
        }
    }

    /** Whether account ids are the usernames (no {@link AccountIdResolver} bean). */
    boolean usernameIsAccountId() {
        return ids == AccountIdResolver.USERNAME;
    }

    /**
     * A signed-in account.
     *
     * @param id       its immutable id (see {@link AccountIdResolver})
     * @param username its current username
     */
    public record Account(String id, String username) {
    }
}
