package io.github.passkeys4j.spring.testapp;

import io.github.passkeys4j.spring.event.PasskeyEvent;
import io.github.passkeys4j.spring.web.PasskeyDisplayNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ordinary app with form login, as an integrator has it before adding the starter: it writes no passkey-specific
 * security configuration at all.
 *
 * <p>It lives in a package of its own, as an integrator's app does: {@code @SpringBootApplication} scans its package,
 * and from {@code io.github.passkeys4j.spring} that scan took in the starter's own configuration classes as user
 * configuration, before Boot's DataSource, so every test ran on in-memory storage whatever it set up.
 * {@code TestAppScanTest} keeps it so.
 */
@SpringBootApplication
public class TestApplication {

    /**
     * With {@code test-app.csrf-in-cookie=true}, the CSRF token lives in a cookie (single-page apps' usual set-up), so
     * a browser has no session until it signs in.
     */
    @Bean
    SecurityFilterChain app(HttpSecurity http, @Value("${test-app.csrf-in-cookie:false}") boolean csrfInCookie)
            throws Exception {
        if (csrfInCookie) {
            http.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()));
        }
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
                        .disabled(true)
                        .build(),
                // dave has no password: passkeys are his only way in.
                User.withUsername("dave").password("").roles("USER").build(),
                // olga's password has expired: the app wants it changed before any sign-in.
                User.withUsername("olga")
                        .password("{noop}olga-password")
                        .roles("USER")
                        .credentialsExpired(true)
                        .build());
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** Display names the tests can change, as an app's user profile would; the username when none is set. */
    @Component
    public static class DisplayNames implements PasskeyDisplayNames {
        private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String displayName(Authentication authentication) {
            return names.getOrDefault(authentication.getName(), authentication.getName());
        }

        public void set(String username, String displayName) {
            names.put(username, displayName);
        }
    }

    /** Every passkey event, for the tests to read. */
    @Component
    public static class EventLog {
        private final List<PasskeyEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PasskeyEvent event) {
            events.add(event);
        }

        public <T extends PasskeyEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @RestController
    static class Probe {
        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        @GetMapping("/whoami")
        Map<String, Object> whoami(Authentication authentication) {
            Map<String, Object> who = new java.util.LinkedHashMap<>();
            who.put("name", authentication.getName());
            who.put("type", authentication.getClass().getSimpleName());
            who.put(
                    "authorities",
                    authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .sorted()
                            .toList());
            if (authentication instanceof io.github.passkeys4j.spring.security.PasskeyAuthenticationToken token) {
                who.put("credentialId", token.getCredentialId());
                who.put("passkeyKept", token.getPasskey() != null);
            }
            return who;
        }
    }
}
