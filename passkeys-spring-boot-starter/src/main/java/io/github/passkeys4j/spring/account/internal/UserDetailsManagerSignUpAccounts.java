package io.github.passkeys4j.spring.account.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.UserDetailsManager;

import java.util.List;

/**
 * Sign-up accounts in the app's {@code UserDetailsManager}: a user with an empty password (no password encoder
 * accepts one, and {@code AccountSignInMethods} then counts no way in besides passkeys) and the configured
 * authorities. A {@code JdbcUserDetailsManager} on the passkeys' database writes in the same transaction as the passkey,
 * and its primary key refuses a second user of one name on any node.
 *
 * <p>Internal: created by the auto-configuration; not API, may change in any release.
 */
public final class UserDetailsManagerSignUpAccounts implements PasskeySignUpAccounts {

    private final UserDetailsManager users;
    private final List<GrantedAuthority> authorities;
    private final AccountIdResolver ids;

    public UserDetailsManagerSignUpAccounts(
            UserDetailsManager users, List<GrantedAuthority> authorities, AccountIdResolver ids) {
        this.users = users;
        this.authorities = List.copyOf(authorities);
        this.ids = ids;
    }

    /**
     * Taken when the manager has the name, or when its lookup finds a user for it: an app whose lookup ignores case
     * (say {@code lower(username) = lower(?)}) while {@code userExists} compares exactly would otherwise let "ALICE"
     * sign up beside "alice", and then load, and hand the new passkey to, alice.
     */
    @Override
    public boolean usernameExists(String username) {
        return users.userExists(username) || loadsSomeone(username);
    }

    @Override
    public String createAccount(String username, String displayName) {
        if (usernameExists(username)) {
            throw new PasskeyException(Reason.USERNAME_TAKEN);
        }
        try {
            users.createUser(User.withUsername(username)
                    .password("")
                    .authorities(authorities)
                    .build());
        } catch (IllegalArgumentException e) {
            // InMemoryUserDetailsManager's "user should not exist", when another node or thread was first.
            if (users.userExists(username)) {
                throw new PasskeyException(Reason.USERNAME_TAKEN, "Another sign-up created this username first.", e);
            }
            throw e;
        }
        UserDetails created = users.loadUserByUsername(username);
        if (created == null || !created.getUsername().equalsIgnoreCase(username)) {
            // Not the user just written: never give another account's id (the storage transaction undoes the write).
            throw new PasskeyException(
                    Reason.USERNAME_TAKEN, "The app's users find another account under this username.");
        }
        return ids.accountIdOf(created);
    }

    private boolean loadsSomeone(String username) {
        try {
            return users.loadUserByUsername(username) != null;
        } catch (UsernameNotFoundException notFound) {
            return false;
        }
    }

    /** Only where account ids are usernames: otherwise the id names no user this manager can find. */
    @Override
    public void removeAccount(String accountId) {
        if (ids == AccountIdResolver.USERNAME && users.userExists(accountId)) {
            users.deleteUser(accountId);
        }
    }
}
