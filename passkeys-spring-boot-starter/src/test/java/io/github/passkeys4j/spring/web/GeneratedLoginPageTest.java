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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Spring Security's generated login page ({@code formLogin(withDefaults())}, no page of the app's) offers passkeys
 * with no HTML to write: our script, the CSRF meta tags it reads, a button and autofill. Under a context path.
 * The browser side of it is {@code GeneratedLoginPageBrowserTest} in the demo module.
 */
@SpringBootTest(
        classes = GeneratedLoginPageTest.DefaultLoginApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:generatedlogin;DB_CLOSE_DELAY=-1",
            "server.servlet.context-path=/app"
        })
class GeneratedLoginPageTest {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedPageOffersPasskeys() {
        HttpSession browser = new HttpSession(port, "/app");
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String page = login.body();
        assertThat(page)
                .contains(
                        "<script src=\"/app/passkeys/passkeys.js\" defer></script>",
                        "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">",
                        "autocomplete=\"username webauthn\"",
                        "<button type=\"button\" class=\"primary\" data-passkey-signin>Sign in with a passkey</button>",
                        "data-passkey-error");
        // Still Spring's page, whole: its form, its style sheet; the length matches the edited page.
        assertThat(page).contains("action=\"/app/login\"", "/app/default-ui.css", "</html>");
        assertThat(login.headers().firstValueAsLong("Content-Length"))
                .hasValue((long) page.getBytes(StandardCharsets.UTF_8).length);
        // Spring's texts, in plain words: its error alert no longer says "Invalid credentials".
        assertThat(page).contains("<html lang=\"en\">", "<title>Please sign in</title>", "placeholder=\"Username\"");
        assertThat(browser.get("/login?error").body())
                .contains("data-passkey-signin", "role=\"alert\">Wrong username or password.</div>")
                .doesNotContain("Invalid credentials");

        // The meta tag's token is the session's, so the script's POSTs pass CSRF.
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(browser.post("/passkeys/authentication/options", "{}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theWholePageIsInTheUsersLanguage() {
        HttpSession german = new HttpSession(port, "/app").language("de-DE");
        String page = german.get("/login").body();
        assertThat(page)
                .contains(
                        "<div class=\"login-form\" lang=\"de\">",
                        "<h2>Mit einem Passkey anmelden</h2>",
                        "data-passkey-signin>Mit einem Passkey anmelden</button>",
                        "<script type=\"application/json\" data-passkeys-texts>",
                        "\"language\":\"de\"")
                .doesNotContain("Sign in with a passkey");
        // Spring Security's own texts too, and the page says which language it is in.
        assertThat(page)
                .contains(
                        "<html lang=\"de\">",
                        "<title>Bitte melden Sie sich an</title>",
                        "<h2 role=\"heading\" aria-level=\"1\">Bitte melden Sie sich an</h2>",
                        "class=\"screenreader\">Benutzername</label>",
                        "placeholder=\"Benutzername\"",
                        "class=\"screenreader\">Passwort</label>",
                        "placeholder=\"Passwort\"",
                        "<button type=\"submit\" class=\"primary\">Anmelden</button>")
                .doesNotContain("Please sign in", "Username", "Password<", ">Sign in<", "lang=\"en\"");
        // After a wrong password, the alert; after signing out, the notice.
        german.signInWithPassword("alice", "not-her-password");
        assertThat(german.get("/login?error").body())
                .contains("role=\"alert\">Benutzername oder Passwort ist falsch.</div>")
                .doesNotContain("credentials");
        assertThat(german.get("/login?logout").body())
                .contains("role=\"alert\">Sie haben sich abgemeldet.</div>")
                .doesNotContain("signed out");
        // The JSON block holds no "<": no text can end the script element early.
        Matcher block = Pattern.compile("data-passkeys-texts>(.*?)</script>").matcher(page);
        assertThat(block.find()).isTrue();
        assertThat(block.group(1)).doesNotContain("<");
    }

    @Test
    void theWholePageIsInFrenchAndInSpanishToo() {
        // Texts with an apostrophe come HTML-escaped (&#39;), as every text the filter puts in Spring's page.
        Map<String, String[]> expected = Map.of(
                "fr-FR,fr;q=0.9,en;q=0.5",
                new String[] {
                    "<html lang=\"fr\">",
                    "<title>Veuillez vous connecter</title>",
                    "placeholder=\"Nom d&#39;utilisateur\"",
                    "placeholder=\"Mot de passe\"",
                    "<button type=\"submit\" class=\"primary\">Se connecter</button>",
                    "<div class=\"login-form\" lang=\"fr\">",
                    "data-passkey-signin>Se connecter avec une clé d&#39;accès</button>",
                    "\"language\":\"fr\"",
                    "role=\"alert\">Nom d&#39;utilisateur ou mot de passe incorrect.</div>"
                },
                "es-ES,es;q=0.9",
                new String[] {
                    "<html lang=\"es\">",
                    "<title>Inicie sesión</title>",
                    "placeholder=\"Nombre de usuario\"",
                    "placeholder=\"Contraseña\"",
                    "<button type=\"submit\" class=\"primary\">Iniciar sesión</button>",
                    "<div class=\"login-form\" lang=\"es\">",
                    "data-passkey-signin>Iniciar sesión con una llave de acceso</button>",
                    "\"language\":\"es\"",
                    "role=\"alert\">Nombre de usuario o contraseña incorrectos.</div>"
                });
        expected.forEach((language, texts) -> {
            HttpSession browser = new HttpSession(port, "/app").language(language);
            browser.signInWithPassword("alice", "not-her-password");
            String page =
                    browser.get("/login").body() + browser.get("/login?error").body();
            assertThat(page)
                    .as(language)
                    .contains(texts)
                    .doesNotContain("Please sign in", "Username", ">Sign in<", "Sign in with a passkey", "lang=\"en\"");
        });
    }

    @Test
    void springsSignOutPageIsInTheUsersLanguageAndSignsOut() {
        HttpSession german = new HttpSession(port, "/app").language("de-DE");
        assertThat(german.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        HttpResponse<String> logout = german.get("/logout");
        assertThat(logout.statusCode()).isEqualTo(200);
        String page = logout.body();
        assertThat(page)
                .contains(
                        "<html lang=\"de\">",
                        "<title>Abmelden?</title>",
                        "<main>",
                        "<h2 role=\"heading\" aria-level=\"1\">Möchten Sie sich abmelden?</h2>",
                        "<button class=\"primary\" type=\"submit\">Abmelden</button>",
                        "action=\"/app/logout\"",
                        "/app/default-ui.css")
                .doesNotContain("Log Out", "log out", "lang=\"en\"");
        assertThat(logout.headers().firstValueAsLong("Content-Length"))
                .hasValue((long) page.getBytes(StandardCharsets.UTF_8).length);

        // Its form signs out: the hidden CSRF input carries the session's token, as on Spring's own page.
        Matcher csrf = Pattern.compile("<input name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedOut =
                german.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(german.origin() + "/app/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValue(german.origin() + "/app/login?logout");
        assertThat(german.get("/hello").statusCode()).isEqualTo(302);

        // In English, plain words rather than "Log Out"; other GETs are not the page.
        String english = new HttpSession(port, "/app").get("/logout").body();
        assertThat(english)
                .contains(
                        "<html lang=\"en\">",
                        "<title>Sign out?</title>",
                        "Do you want to sign out?</h2>",
                        "type=\"submit\">Sign out</button>")
                .doesNotContain("Log Out");
    }

    @Test
    void otherPagesAreUntouchedAndPasswordLoginStillWorks() {
        HttpSession alice = new HttpSession(port, "/app");
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        assertThat(alice.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");
        register(alice, new SoftwareAuthenticator(), "{}");
    }

    @Test
    void aPasskeySignInFromThatPage() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port, "/app");
        alice.signInWithPassword("alice", "alice-password");
        register(alice, authenticator, "{}");
        HttpSession browser = new HttpSession(port, "/app");
        browser.get("/login");
        HttpResponse<String> signIn = PasskeyEndpointsTest.signIn(browser, authenticator, new Tamper());
        assertThat(json(signIn).path("redirectUrl").asString()).isEqualTo("/app/");
    }

    /** An app that relies on the login page Spring Security generates. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(DefaultLoginApp.Endpoints.class)
    static class DefaultLoginApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
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
        static class Endpoints {
            @GetMapping("/hello")
            Map<String, String> hello(java.security.Principal principal) {
                return Map.of("hello", principal.getName());
            }

            @GetMapping("/csrf")
            Map<String, String> csrf(CsrfToken token) {
                return Map.of("header", token.getHeaderName(), "token", token.getToken());
            }
        }
    }
}
