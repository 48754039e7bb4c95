package io.github.passkeys4j.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

import javax.sql.DataSource;

/**
 * An ordinary password-login chain: no passkey-specific DSL. The starter's {@code Customizer<HttpSecurity>} bean
 * adds passkey sign-in (options, sign-in and the script are answered before authorization, so they need no rule
 * here); the rest of {@code /passkeys/**} falls under {@code anyRequest().authenticated()}. CSRF stays on, its token
 * in an HttpOnly cookie rather than the session, so a signed-out visitor (the login page, passkey sign-in options)
 * creates no session on any node.
 * Actuator: health is public, metrics need a signed-in user (the demo has no admin role).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/signup", "/signup/passkey", "/login", "/me", "/css/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /**
     * No Micrometer observations around each of Spring Security's filters: with the actuator on the classpath, Spring
     * Security wraps every filter of the chain in one, a seventh of a sign-in's CPU in the benchmark's profile
     * (benchmarks/profile-2026-11-25.md). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Users and authorities live in the app's DataSource (tables from {@code schema-<platform>.sql}). */
    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
