package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Two chains (an API chain first), one chain that leaves the passkey paths out, and anonymous().disable() with form
 * login's own entry point.
 */
class ChainShapesHttpTest {

    /** An /api/** chain (HTTP Basic, stateless) first, then the form-login chain for everything else. */
    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-chains-api;DB_CLOSE_DELAY=-1", "test.mode=api"})
    @ExtendWith(OutputCaptureExtension.class)
    class ApiChainFirst {
        @LocalServerPort
        int port;

        @Test
        void passkeySessionIsTreatedAsAFormLoginSession(CapturedOutput output) {
            HttpSession form = new HttpSession(port);
            form.signInWithPassword("alice", "alice-password");
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            register(form, authenticator, "{}");
            HttpSession browser = new HttpSession(port);
            HttpResponse<String> ok = signIn(browser, authenticator, new Tamper());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(browser.get("/api/hello").statusCode())
                    .isEqualTo(form.get("/api/hello").statusCode());
            assertThat(browser.get("/hello").body()).contains("alice");
            assertThat(output.getOut()).doesNotContain("went through no security filter chain");
        }
    }

    /**
     * One chain only, whose securityMatcher leaves out /passkeys/**: passkeys cannot work there, and the log says why
     * (once), where nothing else would.
     */
    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-chains-none;DB_CLOSE_DELAY=-1", "test.mode=narrow"})
    @ExtendWith(OutputCaptureExtension.class)
    class PasskeysOutsideEveryChain {
        @LocalServerPort
        int port;

        @Test
        void theLogSaysNoChainCoversThePasskeyPaths(CapturedOutput output) {
            HttpSession alice = new HttpSession(port);
            alice.signInWithPassword("alice", "alice-password");
            assertThat(alice.get("/passkeys/credentials").statusCode()).isNotEqualTo(200);
            alice.get("/passkeys/credentials");

            String warning = "no SecurityFilterChain's securityMatcher covers /passkeys/**";
            assertThat(output.getOut()).contains("GET /passkeys/credentials went through no security filter chain");
            assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1))
                    .as("once")
                    .hasSize(2);
        }
    }

    /** anonymous().disable() with form login's own entry point (redirect to /login). */
    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-chains-anon;DB_CLOSE_DELAY=-1", "test.mode=noanon"})
    class AnonymousDisabled {
        @LocalServerPort
        int port;

        @Test
        void aSignedOutJsonApiCallGetsTheProblemNotTheLoginRedirect() {
            HttpSession out = new HttpSession(port);
            HttpResponse<String> api = out.get("/passkeys/credentials");
            assertThat(api.statusCode())
                    .as("README: a signed-out call to the JSON API gets a 401 problem")
                    .isEqualTo(401);
            assertThat(api.body()).contains("\"reason\":\"SIGN_IN_REQUIRED\"");
            HttpResponse<String> options = out.post("/passkeys/registration/options", "{}");
            assertThat(options.statusCode()).isEqualTo(401);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        @Order(1)
        SecurityFilterChain first(HttpSecurity http, @Value("${test.mode}") String mode) throws Exception {
            switch (mode) {
                case "api" -> {
                    return http.securityMatcher("/api/**")
                            .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                            .httpBasic(withDefaults())
                            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                            .csrf(c -> c.disable())
                            .build();
                }
                case "narrow" -> {
                    return http.securityMatcher("/app/**", "/login", "/logout", "/csrf")
                            .authorizeHttpRequests(a -> a.requestMatchers("/csrf")
                                    .permitAll()
                                    .anyRequest()
                                    .authenticated())
                            .formLogin(withDefaults())
                            .build();
                }
                default -> {
                    return http.securityMatcher("/nothing-here/**").build();
                }
            }
        }

        @Bean
        @Order(2)
        SecurityFilterChain second(HttpSecurity http, @Value("${test.mode}") String mode) throws Exception {
            // In "api" mode: the form-login chain for everything else. Otherwise: matches nothing.
            if (mode.equals("noanon")) {
                return http.authorizeHttpRequests(a -> a.requestMatchers("/csrf")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                        .formLogin(withDefaults())
                        .anonymous(an -> an.disable())
                        .build();
            }
            if (!mode.equals("api")) {
                return http.securityMatcher("/nothing-here-either/**").build();
            }
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }

        @RestController
        static class Endpoints {
            @GetMapping({"/hello", "/api/hello", "/app/hello"})
            Map<String, String> hello(Authentication authentication) {
                return Map.of("hello", authentication == null ? "null" : authentication.getName());
            }
        }
    }
}
