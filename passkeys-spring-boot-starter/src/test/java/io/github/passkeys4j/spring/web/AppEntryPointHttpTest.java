package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
 * a JSON API app: anonymous().disable(), its own AuthenticationEntryPoint and AccessDeniedHandler; form login
 * on Spring's page. Signed-out and signed-in answers for the app's and the starter's paths.
 */
@SpringBootTest(
        classes = AppEntryPointHttpTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:shape-entry;DB_CLOSE_DELAY=-1")
class AppEntryPointHttpTest {

    @LocalServerPort
    int port;

    @Test
    void signedOutAndSignedIn() {
        HttpSession out = new HttpSession(port);
        // Signed out, the app's own entry point answers for its pages and for our page; our JSON API answers its 401
        // problem (README: "Your rules stay yours"), which fetch can read.
        for (HttpResponse<String> page : java.util.List.of(out.get("/hello"), out.get("/passkeys/manage"))) {
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).isEqualTo("{\"error\":\"app-entry-point\"}");
        }
        for (HttpResponse<String> api :
                java.util.List.of(out.get("/passkeys/credentials"), out.post("/passkeys/registration/options", "{}"))) {
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("\"reason\":\"SIGN_IN_REQUIRED\"");
        }

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession setup = new HttpSession(port);
        assertThat(setup.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        register(setup, authenticator, "{}");
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> ok = signIn(browser, authenticator, new Tamper());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(browser.get("/hello").body()).contains("alice");
        assertThat(browser.get("/passkeys/credentials").statusCode()).isEqualTo(200);
        // The app's access-denied handler, as after a password sign-in.
        HttpResponse<String> denied = browser.get("/admin");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"error\":\"app-denied\"}");
        HttpResponse<String> refused = signIn(new HttpSession(port), authenticator, new Tamper().corruptSignature());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/csrf")
                            .permitAll()
                            .requestMatchers("/admin")
                            .hasRole("ADMIN")
                            .anyRequest()
                            .authenticated())
                    .formLogin(withDefaults())
                    .anonymous(an -> an.disable())
                    .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                                res.setStatus(401);
                                res.setContentType("application/json");
                                res.getWriter().write("{\"error\":\"app-entry-point\"}");
                            })
                            .accessDeniedHandler((req, res, ex) -> {
                                res.setStatus(403);
                                res.setContentType("application/json");
                                res.getWriter().write("{\"error\":\"app-denied\"}");
                            }))
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

            @GetMapping("/admin")
            String admin() {
                return "admin";
            }
        }
    }
}
