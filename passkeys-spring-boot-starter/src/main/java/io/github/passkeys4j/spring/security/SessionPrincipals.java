package io.github.passkeys4j.spring.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The app's user as a signed-in session keeps it: without its password hash, which Spring Security's
 * {@code ProviderManager} also erases after a sign-in, so that no session (nor a store that holds sessions: Spring
 * Session JDBC, Redis) carries it. Spring's own {@link User} is copied first: the object the app's
 * {@code UserDetailsService} handed out may be cached and shared, and erasing it would break the next password
 * sign-in. Another type that can erase its credentials is erased in place, as {@code ProviderManager} does.
 */
final class SessionPrincipals {

    private SessionPrincipals() {}

    static UserDetails withoutCredentials(UserDetails user) {
        if (user.getPassword() == null) {
            return user;
        }
        if (user.getClass() == User.class) {
            User copy = (User) User.withUserDetails(user).build();
            copy.eraseCredentials();
            return copy;
        }
        if (user instanceof CredentialsContainer container) {
            container.eraseCredentials();
        }
        return user;
    }
}
