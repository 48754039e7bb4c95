package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app whose {@code UserDetailsService} answers {@code null} for an unknown name (against its contract, but met in
 * the wild) and whose own sign-up writes accounts its users see only later (a replica that lags): each gets the
 * answer a missing user gets, never a 500 or another account's session.
 */
@SpringBootTest(
        classes = UsersThatAnswerNullHttpTest.LaxUsersApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:lax-users;DB_CLOSE_DELAY=-1")
class UsersThatAnswerNullHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRecoveryCodeForAnUnknownNameIsTheUsual401() {
        HttpResponse<String> refused = new HttpSession(port)
                .post("/passkeys/recovery", "{\"username\": \"nobody\", \"code\": \"7K3M-Q9XD-2PWF\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("RECOVERY_CODE_INVALID");
    }

    @Test
    void aSignUpWhoseAccountTheUsersDoNotFindYetIsCreatedButNotSignedIn() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> options = browser.post("/passkeys/sign-up/options", "{\"username\": \"lagging-lee\"}");
        HttpResponse<String> created = browser.post(
                "/passkeys/sign-up",
                SignUpHttpTest.finishBody(new SoftwareAuthenticator(), options, browser.origin(), new Tamper()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("signedIn").asBoolean()).isFalse();
        assertThat(body.path("username").asString()).isEqualTo("lagging-lee");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_credential c JOIN passkeys_user u"
                                + " ON c.user_handle = u.user_handle WHERE u.account_id = 'lagging-lee'",
                        Long.class))
                .as("the account and its passkey are stored")
                .isEqualTo(1L);
        assertThat(browser.get("/whoami").statusCode()).isNotEqualTo(200);
    }

    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(LaxUsersApp.Probe.class)
    static class LaxUsersApp {

        private final Map<String, UserDetails> users = new ConcurrentHashMap<>(Map.of(
                "dana",
                User.withUsername("dana")
                        .password("{noop}dana-password")
                        .roles("USER")
                        .build()));

        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(f -> f.permitAll())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return users::get; // null when unknown
        }

        /** Accounts whose name starts with "lagging-" reach the users only later. */
        @Bean
        PasskeySignUpAccounts signUpAccounts() {
            return new PasskeySignUpAccounts() {
                @Override
                public boolean usernameExists(String username) {
                    return users.containsKey(username);
                }

                @Override
                public String createAccount(String username, String displayName) {
                    if (!username.startsWith("lagging-")) {
                        users.put(
                                username,
                                User.withUsername(username)
                                        .password("")
                                        .roles("USER")
                                        .build());
                    }
                    return username;
                }
            };
        }

        @RestController
        static class Probe {
            @GetMapping("/csrf")
            Map<String, String> csrf(CsrfToken token) {
                return Map.of("header", token.getHeaderName(), "token", token.getToken());
            }

            @GetMapping("/whoami")
            Map<String, String> whoami(Authentication authentication) {
                return Map.of("name", authentication.getName());
            }
        }
    }
}
