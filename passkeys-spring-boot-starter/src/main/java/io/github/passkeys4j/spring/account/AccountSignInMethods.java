package io.github.passkeys4j.spring.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Tells whether an account can still sign in without its passkeys, so a user cannot disable or delete their last way
 * in. The default ({@link #passwordOf(UserDetailsService)}) says yes when the app's {@code UserDetails} has a
 * password. Declare your own bean when accounts have other ways in (SSO, magic links) or unusable placeholder passwords.
 */
@FunctionalInterface
public interface AccountSignInMethods {

    boolean canSignInWithoutPasskeys(String username);

    /** Yes when the user's {@code UserDetails} has a non-blank password. */
    static AccountSignInMethods passwordOf(UserDetailsService userDetailsService) {
        return username -> {
            try {
                String password =
                        userDetailsService.loadUserByUsername(username).getPassword();
                return password != null && !password.isBlank();
            } catch (UsernameNotFoundException e) {
                return false;
            }
        };
    }
}
