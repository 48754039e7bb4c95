package io.github.passkeys4j.spring.signupapp;

import io.github.passkeys4j.spring.account.SignUpResponseContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.util.Map;

/**
 * An app whose users live in its own database through Spring Security's {@code JdbcUserDetailsManager}, the same
 * database as the passkeys, with password sign-up already (one password user, "pat"); it turns passkey-only sign-up on
 * with {@code passkeys.sign-up.enabled=true} and writes no rule for it.
 */
@SpringBootApplication
public class SignUpTestApplication {

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.permitAll())
                .build();
    }

    /**
     * With {@code signup-test.case-insensitive-lookup=true}, the app finds users by name whatever its case, as many apps
     * do ({@code lower(username) = lower(?)}), while {@code userExists} keeps Spring's exact comparison.
     */
    @Bean
    JdbcUserDetailsManager userDetailsManager(
            DataSource dataSource,
            PasswordEncoder encoder,
            @Value("${signup-test.case-insensitive-lookup:false}") boolean caseInsensitiveLookup) {
        // Spring Security's users schema (users.ddl), for H2 and PostgreSQL alike.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS users (username VARCHAR(50) NOT NULL PRIMARY KEY,"
                + " password VARCHAR(500) NOT NULL, enabled BOOLEAN NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS authorities (username VARCHAR(50) NOT NULL,"
                + " authority VARCHAR(50) NOT NULL, CONSTRAINT fk_authorities_users FOREIGN KEY (username)"
                + " REFERENCES users (username))");
        jdbc.execute("CREATE UNIQUE INDEX IF NOT EXISTS ix_auth_username ON authorities (username, authority)");
        JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
        if (caseInsensitiveLookup) {
            users.setUsersByUsernameQuery(
                    "SELECT username, password, enabled FROM users WHERE LOWER(username) = LOWER(?)");
            users.setAuthoritiesByUsernameQuery(
                    "SELECT username, authority FROM authorities WHERE LOWER(username) = LOWER(?)");
        }
        if (!users.userExists("pat")) {
            users.createUser(User.withUsername("pat")
                    .password(encoder.encode("pat-password"))
                    .roles("USER")
                    .build());
        }
        return users;
    }

    /** Where recovery codes will join the answer: here a marker the tests look for. */
    @Bean
    SignUpResponseContributor welcome() {
        return (accountId, username, response) -> response.put("welcome", "Hello " + username + " (" + accountId + ")");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
                    "authorities",
                    authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .sorted()
                            .toList());
        }
    }
}
