package io.github.passkeys4j.spring.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app that lets everyone through to {@code /passkeys/**}: the endpoints still need a user and say so themselves
 * (401 problems), and the passkeys page sends a signed-out visitor to the app's login.
 */
@SpringBootTest(
        classes = PermittedPasskeyPathsTest.OpenApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:permitted;DB_CLOSE_DELAY=-1")
class PermittedPasskeyPathsTest {

    @LocalServerPort
    int port;

    @Test
    void signedOutCallsAreRefusedByTheEndpointsThemselves() {
        HttpSession anonymous = new HttpSession(port);
        HttpResponse<String> options = anonymous.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(401);
        assertThat(json(options).path("detail").asString()).startsWith("Not signed in");
        assertThat(anonymous.get("/passkeys/credentials").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/passkeys/signals").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous.get("/passkeys/manage");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(anonymous.post("/passkeys/authentication/options", "{}").statusCode())
                .isEqualTo(200);
    }

    /** Permits the passkey paths to everyone, and needs a user elsewhere. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(OpenApp.Csrf.class)
    static class OpenApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/passkeys/**", "/csrf")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .formLogin(form -> form.permitAll())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice")
                    .password("{noop}alice-password")
                    .roles("USER")
                    .build());
        }

        @RestController
        static class Csrf {
            @GetMapping("/csrf")
            Map<String, String> csrf(CsrfToken token) {
                return Map.of("header", token.getHeaderName(), "token", token.getToken());
            }
        }
    }
}
