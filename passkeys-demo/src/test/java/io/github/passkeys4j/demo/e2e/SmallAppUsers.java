package io.github.passkeys4j.demo.e2e;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Arrays;

/** The users of the small apps these browser tests start beside the demo: each {@code name}, password "name-password". */
final class SmallAppUsers {

    private SmallAppUsers() {}

    static UserDetailsService alice() {
        return named("alice");
    }

    static UserDetailsService named(String... names) {
        return new InMemoryUserDetailsManager(Arrays.stream(names)
                .map(name -> User.withUsername(name)
                        .password("{noop}" + name + "-password")
                        .roles("USER")
                        .build())
                .toList());
    }
}
