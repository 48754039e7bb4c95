package io.github.passkeys4j.fuzzapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The app the fuzz properties attack: form login and the starter, as {@code TestApplication} has them, in a package of
 * its own (as every test app is: a scan that covers the starter's own configuration classes loads them before Boot's
 * DataSource and leaves the passkeys in memory; the fuzzing must reach JDBC).
 */
@SpringBootApplication
public class FuzzTestApplication {

    /** Its accounts, as an SQL list: one per fuzz class, as jqwik may run the classes at the same time. */
    public static final String USERNAMES = "('alice', 'bob', 'carol')";

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.permitAll())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice")
                        .password("{noop}alice-password")
                        .roles("USER")
                        .build(),
                User.withUsername("bob")
                        .password("{noop}bob-password")
                        .roles("USER")
                        .build(),
                User.withUsername("carol")
                        .password("{noop}carol-password")
                        .roles("USER")
                        .build());
    }

    @RestController
    static class Probe {
        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        @GetMapping("/whoami")
        Map<String, Object> whoami(Authentication authentication) {
            return Map.of(
                    "name",
                    authentication.getName(),
                    "type",
                    authentication.getClass().getSimpleName());
        }
    }
}
