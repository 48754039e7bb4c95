package io.github.passkeys4j.demo.e2e;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The one user of the small apps these browser tests start beside the demo: alice, password "alice-password". */
final class SmallAppUsers {

    private SmallAppUsers() {}

    static UserDetailsService alice() {
        return new InMemoryUserDetailsManager(User.withUsername("alice")
                .password("{noop}alice-password")
                .roles("USER")
                .build());
    }
}
