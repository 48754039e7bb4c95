package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization stays the app's: its rule on the passkey paths holds, a second chain without URL rules answers as if
 * the starter were absent, and the app's Jackson settings do not change our wire format. Real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppRulesTest {

    private ConfigurableApplicationContext app;
    private ConfigurableApplicationContext withoutStarter;

    @BeforeAll
    void start() {
        app = start("jdbc:h2:mem:apprules");
        withoutStarter = start(
                "jdbc:h2:mem:apprules-bare",
                "--spring.autoconfigure.exclude=io.github.passkeys4j.spring.autoconfigure.PasskeysAutoConfiguration");
    }

    @AfterAll
    void stop() {
        app.close();
        withoutStarter.close();
    }

    @Test
    void theAppsRoleRuleOnThePasskeyPathsHolds() {
        HttpSession user = new HttpSession(port(app));
        assertThat(user.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        for (HttpResponse<String> refused : List.of(
                user.post("/passkeys/registration/options", "{}"),
                user.post("/passkeys/registration", "{\"credential\": {}}"),
                user.get("/passkeys/credentials"),
                user.get("/passkeys/signals"),
                user.get("/passkeys/manage"))) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(403);
        }
        JsonNode roleRefusal = json(user.get("/passkeys/credentials"));
        assertThat(roleRefusal.path("status").asInt()).isEqualTo(403);
        assertThat(roleRefusal.path("reason").asString()).isEqualTo("FORBIDDEN");
        assertThat(roleRefusal.path("detail").asString()).doesNotContain("CSRF");
        // A person opening the page gets the app's own error page, not a problem body to read as text.
        HttpResponse<String> page = user.send(HttpRequest.newBuilder(URI.create(user.url("/passkeys/manage")))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession admin = new HttpSession(port(app));
        admin.signInWithPassword("root", "root-password");
        register(admin, authenticator, "{}");
        assertThat(admin.get("/passkeys/manage").statusCode()).isEqualTo(200);

        // Signing in stays open to anyone: options, finish and the script, whatever the app's rules say.
        HttpSession anonymous = new HttpSession(port(app));
        assertThat(anonymous.get("/passkeys/passkeys.js").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/passkeys/credentials").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/passkeys/manage").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(signIn(anonymous, authenticator, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(json(anonymous.get("/whoami")).path("name").asString()).isEqualTo("root");
    }

    @Test
    void theAppsJacksonSettingsDoNotRenameOurFields() {
        HttpSession anonymous = new HttpSession(port(app));
        String options =
                anonymous.post("/passkeys/authentication/options", "{}").body();
        assertThat(options)
                .contains("\"rpId\"", "\"userVerification\"", "\"challenge\"")
                .doesNotContain("rp_id", "user_verification");
        HttpSession admin = new HttpSession(port(app));
        admin.signInWithPassword("root", "root-password");
        // The app's own JSON is snake_case: the setting is in effect.
        assertThat(admin.get("/api/hello").body()).contains("\"greeting_style\"");
    }

    @Test
    void aChainWithoutUrlRulesAnswersAsWithoutTheStarter() {
        for (String path : List.of("/api/hello", "/api/missing", "/api/passkeys/authentication/options")) {
            for (String method : List.of("GET", "POST")) {
                assertThat(answer(app, method, path))
                        .as(method + " " + path)
                        .isEqualTo(answer(withoutStarter, method, path));
            }
        }
        assertThat(answer(app, "GET", "/api/hello").get("status")).isEqualTo("200");
    }

    /** Status, body and headers (but the date) of one anonymous request. */
    private static Map<String, String> answer(ConfigurableApplicationContext context, String method, String path) {
        HttpSession session = new HttpSession(port(context));
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(session.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        Map<String, String> answer = new TreeMap<>();
        answer.put("status", String.valueOf(response.statusCode()));
        answer.put("body", response.body());
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                // The port and session id differ between the two apps, nothing else may.
                answer.put(
                        name.toLowerCase(),
                        String.join(",", values)
                                .replace(String.valueOf(port(context)), "PORT")
                                .replaceAll("(?i)jsessionid=[0-9A-F]+", "jsessionid=ID"));
            }
        });
        return answer;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String database, String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=" + database + ";DB_CLOSE_DELAY=-1";
        args[2] = "--spring.jackson.property-naming-strategy=SNAKE_CASE";
        args[3] = "--spring.main.banner-mode=off";
        System.arraycopy(more, 0, args, 4, more.length);
        return SpringApplication.run(RulesApp.class, args);
    }

    /** An app that restricts passkey management to admins and has a stateless API chain with no URL rules. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(RulesApp.Endpoints.class)
    static class RulesApp {

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.securityMatcher("/api/**").csrf(csrf -> csrf.disable()).build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/csrf")
                            .permitAll()
                            .requestMatchers("/passkeys/**")
                            .hasRole("ADMIN")
                            .anyRequest()
                            .authenticated())
                    .formLogin(form -> form.permitAll())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice")
                            .password("{noop}alice-password")
                            .roles("USER")
                            .build(),
                    User.withUsername("root")
                            .password("{noop}root-password")
                            .roles("USER", "ADMIN")
                            .build());
        }

        @RestController
        static class Endpoints {
            @GetMapping("/api/hello")
            Hello hello() {
                return new Hello("snake_case");
            }

            record Hello(String greetingStyle) {}

            @GetMapping("/csrf")
            Map<String, String> csrf(CsrfToken token) {
                return Map.of("header", token.getHeaderName(), "token", token.getToken());
            }

            @GetMapping("/whoami")
            Map<String, String> whoami(java.security.Principal principal) {
                return Map.of("name", principal.getName());
            }
        }
    }
}
