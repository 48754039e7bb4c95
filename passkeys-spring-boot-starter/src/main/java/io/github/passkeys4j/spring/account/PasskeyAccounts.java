package io.github.passkeys4j.spring.account;

import io.github.passkeys4j.AccountNames;
import io.github.passkeys4j.PasskeyManagement;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.store.PasskeyUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
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

    /** @param ids the application's account ids; {@link AccountIdResolver#USERNAME} when it has none */
    public PasskeyAccounts(RelyingParty relyingParty, AccountIdResolver ids) {
        this.management = relyingParty.management();
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * The account of a signed-in user. Empty for an anonymous user, for a principal that is not one of the app's
     * {@code UserDetails} (an OAuth2 login, say: its name is not a local account's), and for a session signed in
     * before its account was deleted or its name given to a new account, so such a session cannot touch the passkeys
     * of whoever holds the account now. Empty too for a session signed in by remember-me alone (see
     * {@link #isRememberedOnly}): when it signed in is unknown, and a passkey added from a stolen cookie would keep
     * the account for good, so managing passkeys needs a sign-in, as Spring Security's {@code fullyAuthenticated()}.
     */
    public Optional<Account> current(Authentication authentication) {
        return isRememberedOnly(authentication) ? Optional.empty() : account(authentication);
    }

    /**
     * Whether the session was signed in by the app's remember-me and by nothing since: Spring Security's
     * remember-me token with no factor authority.
     */
    public static boolean isRememberedOnly(Authentication authentication) {
        return authentication instanceof RememberMeAuthenticationToken && signedInAt(authentication) == null;
    }

    private Optional<Account> account(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof UserDetails user)) {
            return Optional.empty();
        }
        Account account = new Account(accountIdOf(user), user.getUsername());
        Instant signedInAt = signedInAt(authentication);
        Instant notBefore =
                management.account(account.id()).map(PasskeyUser::notBefore).orElse(null);
        if (notBefore != null && signedInAt != null && signedInAt.isBefore(notBefore)) {
            return Optional.empty();
        }
        return Optional.of(account);
    }

    /**
     * When the session last signed in, from Spring Security's factor authorities; {@code null} when it has none (an
     * app's own programmatic sign-in), which is then taken as recent.
     */
    private static Instant signedInAt(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(a -> ((FactorGrantedAuthority) a).getIssuedAt())
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** The account id of a user, as the application's {@link AccountIdResolver} gives it. */
    public String accountIdOf(UserDetails user) {
        String id = ids.accountIdOf(user);
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("the AccountIdResolver gave no account id for " + user.getUsername());
        }
        return id;
    }

    /**
     * Forgets the account with this id: its passkeys and unfinished ceremonies; the id starts afresh, so sessions
     * signed in before now cannot add passkeys to it. Returns how many passkeys were deleted.
     */
    public int deleteAccount(String accountId) {
        int deleted = management.deleteAccount(accountId);
        if (deleted > 0) {
            log.info("Passkeys for Java: deleted the " + deleted + " passkey(s) of a deleted account (within the"
                    + " caller's transaction, if any: its rollback keeps them)");
        }
        return deleted;
    }

    /**
     * Forgets the deleted account: the one with the event's account id; else the one whose id is the username (no
     * {@link AccountIdResolver}); else every stored account under that username.
     */
    @EventListener
    public void onAccountDeleted(AccountDeletedEvent event) {
        String accountId = event.accountId();
        if (accountId != null && usernameIsAccountId() && !accountId.equals(event.username())) {
            // Without an AccountIdResolver the id is the username: any other id names no account, and deleting it
            // would leave the passkeys to the name's next owner.
            log.warn("Passkeys for Java: an AccountDeletedEvent gave account id " + accountId + " for username "
                    + event.username() + ", but without an AccountIdResolver bean account ids are usernames; the"
                    + " account of the username was deleted");
            accountId = event.username();
        }
        if (accountId != null) {
            String id = accountId;
            if (management.list(id).isEmpty()
                    && management.accountsNamed(event.username()).stream()
                            .anyMatch(other -> !other.accountId().equals(id)
                                    && !management.list(other.accountId()).isEmpty())) {
                log.warn("Passkeys for Java: an AccountDeletedEvent named account id " + accountId + ", which has no"
                        + " passkeys stored, while username " + event.username() + " has passkeys under another id:"
                        + " is the event's id the one your AccountIdResolver gives? Those passkeys were kept");
            }
            deleteAccount(accountId);
        } else if (usernameIsAccountId()) {
            deleteAccount(event.username());
        } else {
            management.accountsNamed(event.username()).forEach(account -> deleteAccount(account.accountId()));
        }
    }

    /** Moves the passkeys of the account named {@code oldUsername} to {@code newUsername}. */
    @EventListener
    public void onUsernameChanged(UsernameChangedEvent event) {
        if (!usernameIsAccountId()) {
            management
                    .accountsNamed(event.oldUsername())
                    .forEach(account -> management.renameAccount(
                            account.accountId(),
                            AccountNames.sameIdNewUsername(account.accountId(), event.newUsername())));
            return;
        }
        // The id is the name: the account moves to the new id, and the old one starts afresh.
        boolean stored = management.account(event.oldUsername()).isPresent();
        if (!management.renameAccount(event.oldUsername(), new AccountNames(event.newUsername(), event.newUsername()))
                && stored) {
            throw new IllegalStateException("cannot move the passkeys of " + event.oldUsername() + " to "
                    + event.newUsername() + ": that name already has passkeys of another account");
        }
    }

    /** Whether account ids are the usernames (no {@link AccountIdResolver} bean). */
    public boolean usernameIsAccountId() {
        return ids == AccountIdResolver.USERNAME;
    }

    /**
     * A signed-in account.
     *
     * @param id       its immutable id (see {@link AccountIdResolver})
     * @param username its current username
     */
    public record Account(String id, String username) {}
}
