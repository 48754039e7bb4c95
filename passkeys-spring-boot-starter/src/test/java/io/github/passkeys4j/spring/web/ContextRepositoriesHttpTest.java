package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * an app that keeps the security context in a cookie of its own (no HttpSession for it; CSRF token in a
 * cookie too), and one with requireExplicitSave(false). Is a passkey sign-in kept as a form login is, and does
 * revoking the passkey still end it?
 */
class ContextRepositoriesHttpTest {

    static final String CTX = "ctx";

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-ctx-cookie;DB_CLOSE_DELAY=-1", "test.repo=cookie"})
    class CookieRepository {
        @LocalServerPort
        int port;

        @Test
        void passkeySignInIsKeptInTheAppsCookieAsFormLoginIs() {
            HttpSession formBrowser = new HttpSession(port);
            HttpResponse<String> form = formBrowser.signInWithPassword("alice", "alice-password");
            String formCtx = formBrowser.cookie(CTX);
            assertThat(formCtx).isNotNull();
            assertThat(onlyCtx(formCtx, "/whoami").body()).contains("alice");

            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            String passkeyId =
                    register(formBrowser, authenticator, "{}").path("id").asString();

            HttpSession browser = new HttpSession(port);
            HttpResponse<String> signIn = signIn(browser, authenticator, new Tamper());
            String ctx = browser.cookie(CTX);
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(ctx).isNotNull();
            HttpResponse<String> who = onlyCtx(ctx, "/whoami");
            assertThat(who.body()).contains("alice");

            // Revoke the passkey: the cookie-kept sign-in should end, as the README promises "with any session store".
            assertThat(formBrowser.delete("/passkeys/credentials/" + passkeyId).statusCode())
                    .isEqualTo(204);
            HttpResponse<String> after = onlyCtx(ctx, "/whoami");
            assertThat(after.statusCode()).isEqualTo(302);
        }

        private HttpResponse<String> onlyCtx(String ctx, String path) {
            HttpSession fresh = new HttpSession(port);
            return fresh.send(
                    HttpRequest.newBuilder(URI.create(fresh.url(path))).header("Cookie", CTX + "=" + ctx));
        }
    }

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-ctx-implicit;DB_CLOSE_DELAY=-1", "test.repo=implicit"
            })
    class ImplicitSave {
        @LocalServerPort
        int port;

        @org.springframework.beans.factory.annotation.Autowired
        org.springframework.security.web.FilterChainProxy chains;

        @Test
        void passkeySignInIsKeptAsFormLoginIs() {
            HttpSession formBrowser = new HttpSession(port);
            formBrowser.signInWithPassword("alice", "alice-password");
            assertThat(formBrowser.get("/whoami").body()).contains("alice");
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            String passkeyId =
                    register(formBrowser, authenticator, "{}").path("id").asString();
            HttpSession browser = new HttpSession(port);
            HttpResponse<String> signIn = signIn(browser, authenticator, new Tamper());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            HttpResponse<String> who = browser.get("/whoami");
            assertThat(who.body()).contains("alice");
            assertThat(formBrowser.delete("/passkeys/credentials/" + passkeyId).statusCode())
                    .isEqualTo(204);
            assertThat(browser.get("/whoami").statusCode()).isEqualTo(302);
        }
    }

    /** Keeps the whole SecurityContext, Java-serialised, in a cookie (a stand-in for an encrypted/JWT cookie). */
    static class CookieSecurityContextRepository implements SecurityContextRepository {
        @Override
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            SecurityContext context = read(holder.getRequest());
            return context != null ? context : SecurityContextHolder.createEmptyContext();
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            Cookie cookie;
            if (context.getAuthentication() == null) {
                cookie = new Cookie(CTX, "");
                cookie.setMaxAge(0);
            } else {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                        out.writeObject(context);
                    }
                    cookie = new Cookie(
                            CTX, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return read(request) != null;
        }

        private static SecurityContext read(HttpServletRequest request) {
            if (request.getCookies() == null) {
                return null;
            }
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals(CTX) && !c.getValue().isEmpty()) {
                    try (ObjectInputStream in = new ObjectInputStream(
                            new ByteArrayInputStream(Base64.getUrlDecoder().decode(c.getValue())))) {
                        return (SecurityContext) in.readObject();
                    } catch (Exception e) {
                        return null;
                    }
                }
            }
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        SecurityFilterChain web(HttpSecurity http, @Value("${test.repo}") String repo) throws Exception {
            http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults());
            if (repo.equals("cookie")) {
                http.securityContext(c -> c.securityContextRepository(new CookieSecurityContextRepository()))
                        .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
            } else {
                http.securityContext(c -> c.requireExplicitSave(false));
            }
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }

        @RestController
        static class Endpoints {
            @GetMapping("/whoami")
            Map<String, String> whoami(Authentication authentication) {
                return Map.of(
                        "name",
                        authentication.getName(),
                        "type",
                        authentication.getClass().getSimpleName());
            }
        }
    }
}
