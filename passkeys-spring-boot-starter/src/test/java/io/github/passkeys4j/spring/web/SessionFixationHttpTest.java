package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * sessionFixation() strategies and sessionCreationPolicy. For each, the same browser steps with a form login
 * and with a passkey sign-in: was the session id rotated, did a pre-sign-in session attribute survive, is the next
 * request signed in.
 */
class SessionFixationHttpTest {

    abstract static class Scenario {
        @LocalServerPort
        int port;

        /** Steps: put a session attribute, sign in, then look at id, attribute, /hello. */
        Map<String, Object> observe(boolean passkey) {
            SoftwareAuthenticator authenticator = null;
            if (passkey) {
                authenticator = new SoftwareAuthenticator();
                HttpSession setup = new HttpSession(port);
                HttpResponse<String> pw = setup.signInWithPassword("alice", "alice-password");
                assertThat(pw.statusCode()).isEqualTo(302);
                register(setup, authenticator, "{}");
            }
            HttpSession browser = new HttpSession(port);
            browser.get("/put");
            String before = browser.sessionId();
            HttpResponse<String> signIn = passkey
                    ? signIn(browser, authenticator, new Tamper())
                    : browser.signInWithPassword("alice", "alice-password");
            String after = browser.sessionId();
            HttpResponse<String> hello = browser.get("/hello");
            HttpResponse<String> cart = browser.get("/cart");
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("signInStatus", passkey ? signIn.statusCode() : signIn.statusCode());
            seen.put("signInLocation", signIn.headers().firstValue("Location").orElse(signIn.body()));
            seen.put("sessionBeforeNull", before == null);
            seen.put("rotated", !Objects.equals(before, after));
            seen.put("sessionAfterNull", after == null);
            seen.put("hello", hello.statusCode() + " " + hello.body());
            seen.put("cart", cart.statusCode() + " " + cart.body());
            seen.put(
                    "setCookies",
                    signIn.headers().allValues("Set-Cookie").stream()
                            .map(c -> c.substring(0, c.indexOf('=')))
                            .sorted()
                            .toList());
            return seen;
        }

        @Test
        void passkeyBehavesAsFormLogin() {
            Map<String, Object> form = observe(false);
            Map<String, Object> passkey = observe(true);
            assertThat(passkey.get("rotated")).as("rotated").isEqualTo(form.get("rotated"));
            assertThat(passkey.get("sessionAfterNull")).as("session after").isEqualTo(form.get("sessionAfterNull"));
            assertThat(passkey.get("hello")).as("hello").isEqualTo(form.get("hello"));
            assertThat(passkey.get("cart")).as("cart").isEqualTo(form.get("cart"));
        }
    }

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-fix-new;DB_CLOSE_DELAY=-1", "test.fixation=new"})
    class NewSession extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-fix-none;DB_CLOSE_DELAY=-1", "test.fixation=none"})
    class NoFixation extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-fix-mig;DB_CLOSE_DELAY=-1", "test.fixation=migrate"})
    class MigrateSession extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-pol-always;DB_CLOSE_DELAY=-1", "test.policy=ALWAYS"})
    class PolicyAlways extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-pol-never;DB_CLOSE_DELAY=-1", "test.policy=NEVER"})
    class PolicyNever extends Scenario {}

    // STATELESS left out: neither a form login nor a passkey sign-in is kept, so no passkey can even be registered
    // through the session (registration options answered 401 SIGN_IN_REQUIRED), as expected for a stateless chain.

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        SecurityFilterChain web(
                HttpSecurity http,
                @Value("${test.fixation:changeId}") String fixation,
                @Value("${test.policy:IF_REQUIRED}") SessionCreationPolicy policy)
                throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/csrf", "/put")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .formLogin(withDefaults())
                    .sessionManagement(s -> {
                        s.sessionCreationPolicy(policy);
                        switch (fixation) {
                            case "new" -> s.sessionFixation(f -> f.newSession());
                            case "none" -> s.sessionFixation(f -> f.none());
                            case "migrate" -> s.sessionFixation(f -> f.migrateSession());
                            default -> s.sessionFixation(f -> f.changeSessionId());
                        }
                    })
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }

        @RestController
        static class Endpoints {
            @GetMapping("/hello")
            Map<String, String> hello(Authentication authentication) {
                return Map.of("hello", authentication.getName());
            }

            @GetMapping("/put")
            String put(HttpServletRequest request) {
                request.getSession().setAttribute("cart", "three apples");
                return "ok";
            }

            @GetMapping("/cart")
            String cart(HttpServletRequest request) {
                var session = request.getSession(false);
                return session == null ? "no session" : String.valueOf(session.getAttribute("cart"));
            }
        }
    }
}
