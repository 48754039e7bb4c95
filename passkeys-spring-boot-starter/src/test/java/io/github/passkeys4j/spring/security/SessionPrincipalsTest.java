package io.github.passkeys4j.spring.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a signed-in session keeps of the app's user: no password hash, and the app's own object left alone. */
class SessionPrincipalsTest {

    @Test
    void springsUserIsCopiedWithoutItsPasswordAndTheAppsObjectKeepsIt() {
        // As a caching UserDetailsService would hand it out again to the next password sign-in.
        UserDetails cached = User.withUsername("alice")
                .password("{bcrypt}$2a$10$hash")
                .roles("USER", "ADMIN")
                .accountLocked(false)
                .build();

        UserDetails kept = SessionPrincipals.withoutCredentials(cached);

        assertThat(kept).isNotSameAs(cached).isInstanceOf(User.class);
        assertThat(kept.getPassword()).isNull();
        assertThat(kept.getUsername()).isEqualTo("alice");
        assertThat(List.copyOf(kept.getAuthorities())).isEqualTo(List.copyOf(cached.getAuthorities()));
        assertThat(kept.isEnabled()).isTrue();
        assertThat(kept).isEqualTo(cached); // User's equality: the username
        assertThat(cached.getPassword()).isEqualTo("{bcrypt}$2a$10$hash");
    }

    @Test
    void anAppsOwnTypeThatCanEraseItsCredentialsIsErasedInPlace() {
        AppUser user = new AppUser("bob", "{bcrypt}$2a$10$other");

        UserDetails kept = SessionPrincipals.withoutCredentials(user);

        assertThat(kept).isSameAs(user);
        assertThat(user.getPassword()).isNull();
    }

    @Test
    void aUserWithoutAPasswordIsKeptAsItIs() {
        AppUser user = new AppUser("carol", null);

        assertThat(SessionPrincipals.withoutCredentials(user)).isSameAs(user);
    }

    private static final class AppUser implements UserDetails, CredentialsContainer {
        private final String username;
        private String password;

        AppUser(String username, String password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.copyOf(AuthorityUtils.createAuthorityList("ROLE_USER"));
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public void eraseCredentials() {
            password = null;
        }
    }
}
