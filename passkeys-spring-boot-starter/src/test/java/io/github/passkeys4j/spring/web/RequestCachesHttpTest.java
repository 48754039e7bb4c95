package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * the app's RequestCache. A signed-out visit to /private?x=1 goes to the login page; after signing in,
 * form login goes back to it (or not, per the cache). Does the passkey sign-in's redirectUrl go where form login goes?
 */
class RequestCachesHttpTest {

    abstract static class Scenario {
        @LocalServerPort
        int port;

        String afterSignIn(boolean passkey) {
            SoftwareAuthenticator authenticator = null;
            if (passkey) {
                authenticator = new SoftwareAuthenticator();
                HttpSession setup = new HttpSession(port);
                setup.signInWithPassword("alice", "alice-password");
                register(setup, authenticator, "{}");
            }
            HttpSession browser = new HttpSession(port);
            HttpResponse<String> denied = browser.get("/private?x=1");
            assertThat(denied.statusCode()).isEqualTo(302);
            if (passkey) {
                HttpResponse<String> ok = signIn(browser, authenticator, new Tamper());
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                return json(ok).path("redirectUrl").asString();
            }
            return browser.signInWithPassword("alice", "alice-password")
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
        }

        @Test
        void passkeyGoesWhereFormLoginGoes() {
            String form = afterSignIn(false);
            String passkey = afterSignIn(true);
            // Compare paths: form login answers an absolute URL, passkey may answer a path.
            assertThat(URI.create(passkey).getPath() + "?" + URI.create(passkey).getQuery())
                    .isEqualTo(
                            URI.create(form).getPath() + "?" + URI.create(form).getQuery());
        }
    }

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-rc-cookie;DB_CLOSE_DELAY=-1", "test.cache=cookie"})
    class Cookie extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-rc-null;DB_CLOSE_DELAY=-1", "test.cache=null"})
    class Null extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"spring.datasource.url=jdbc:h2:mem:shape-rc-noparam;DB_CLOSE_DELAY=-1", "test.cache=noparam"})
    class SessionWithoutContinueParameter extends Scenario {}

    @Nested
    @SpringBootTest(
            classes = App.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:shape-rc-target;DB_CLOSE_DELAY=-1",
                "test.cache=default",
                "test.target-param=true"
            })
    class DefaultCache extends Scenario {}

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        SecurityFilterChain web(HttpSecurity http, @Value("${test.cache}") String cache) throws Exception {
            http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults());
            switch (cache) {
                case "cookie" -> http.requestCache(c -> c.requestCache(new CookieRequestCache()));
                case "null" -> http.requestCache(c -> c.requestCache(new NullRequestCache()));
                case "noparam" -> {
                    HttpSessionRequestCache rc = new HttpSessionRequestCache();
                    rc.setMatchingRequestParameterName(null);
                    http.requestCache(c -> c.requestCache(rc));
                }
                default -> {}
            }
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }

        @RestController
        static class Endpoints {
            @GetMapping("/private")
            String priv() {
                return "private";
            }
        }
    }
}
