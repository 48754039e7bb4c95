package io.github.passkeys4j.sample;

import io.github.passkeys4j.spring.account.AccountIdResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three chains, as the app had them before it added passkeys: a public health ping with no rules at all, the HTTP
 * API with Basic auth, and the web pages with form login. The passkey paths follow the app's own rules: managing
 * passkeys needs role USER. Nothing here is written for the starter except the {@link AccountIdResolver}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** {@code /api/ping} for the load balancer: no session, no CSRF, and no URL rules. */
    @Bean
    @Order(1)
    SecurityFilterChain pingChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/ping")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The API for scripts and the mobile app: HTTP Basic, stateless, no CSRF (no cookies). */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/notes", "/api/notes/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The pages people use. */
    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/signup", "/signup/**", "/css/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/passkeys/**")
                        .hasRole("USER")
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        return http.build();
    }

    /**
     * Passkeys belong to the account's id, never to its username: a renamed account keeps them, and whoever takes a
     * freed username later gets none of them.
     */
    @Bean
    AccountIdResolver accountIdResolver() {
        return user -> {
            if (user instanceof AcmeUser acme) {
                return Long.toString(acme.id());
            }
            throw new IllegalArgumentException(
                    "not an Acme Notes user: " + user.getClass().getName());
        };
    }

    /** BCrypt; an account without a password hash (passkey-only) matches no password at all. */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new NoPassword());
        return encoder;
    }

    /** Used for stored values without a known {@code {id}} prefix, and for {@code null}: nothing matches. */
    private static final class NoPassword implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("only for matching");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
