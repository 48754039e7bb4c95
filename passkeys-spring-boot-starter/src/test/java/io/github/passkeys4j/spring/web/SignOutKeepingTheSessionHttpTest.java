package io.github.passkeys4j.spring.web;

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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static io.github.passkeys4j.spring.web.PasskeyStepUpHttpTest.stepUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * logout(l -> l.invalidateHttpSession(false).addLogoutHandler(…)). A passkey session signs out and signs in
 * again; and a session that outlives its logout keeps nothing of the passkey sign-in that the next user of the
 * browser could be judged by.
 */
@SpringBootTest(
        classes = SignOutKeepingTheSessionHttpTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:shape-logout;DB_CLOSE_DELAY=-1")
class SignOutKeepingTheSessionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    List<String> logouts;

    private SoftwareAuthenticator passkeyOf(String user, String[] id) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession s = new HttpSession(port);
        s.signInWithPassword(user, user + "-password");
        id[0] = register(s, authenticator, "{}").path("id").asString();
        return authenticator;
    }

    private HttpResponse<String> logout(HttpSession browser) {
        String token = browser.csrf().path("token").asString();
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token)));
    }

    @Test
    void aPasskeySessionSignsOutAndInAgain() {
        String[] id = new String[1];
        SoftwareAuthenticator alice = passkeyOf("alice", id);
        HttpSession browser = new HttpSession(port);
        assertThat(signIn(browser, alice, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(200);
        logouts.clear();
        HttpResponse<String> out = logout(browser);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(logouts).containsExactly("alice");
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(302);
        HttpResponse<String> again = signIn(browser, alice, new Tamper());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(browser.get("/whoami").body()).contains("alice");
    }

    @Test
    void theNextUserOfTheBrowserIsNotSignedOutByThePreviousUsersPasskey() {
        theNextUserIsNotSignedOutByThePreviousUsersPasskey(true);
    }

    /** The same without a sign-out: a password sign-in keeps the session's attributes (a new id, same session). */
    @Test
    void aPasswordSignInOverAPasskeySessionIsNotSignedOutByThePreviousUsersPasskey() {
        theNextUserIsNotSignedOutByThePreviousUsersPasskey(false);
    }

    private void theNextUserIsNotSignedOutByThePreviousUsersPasskey(boolean signOutBetween) {
        String[] aliceId = new String[1];
        String[] bobId = new String[1];
        SoftwareAuthenticator alice = passkeyOf("alice", aliceId);
        SoftwareAuthenticator bob = passkeyOf("bob", bobId);
        HttpSession aliceSettings = new HttpSession(port);
        aliceSettings.signInWithPassword("alice", "alice-password");

        HttpSession shared = new HttpSession(port);
        assertThat(signIn(shared, alice, new Tamper()).statusCode()).isEqualTo(200);
        if (signOutBetween) {
            logout(shared);
        }
        // Bob, at the same computer: a password sign-in, then a step-up with his own passkey.
        assertThat(shared.signInWithPassword("bob", "bob-password").statusCode())
                .isEqualTo(302);
        HttpResponse<String> up = stepUp(shared, bob, new Tamper(), null);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(shared.get("/whoami").body()).contains("bob", "FACTOR_WEBAUTHN");

        // Alice deletes her passkey (lost phone): bob's session has nothing to do with it.
        assertThat(aliceSettings.delete("/passkeys/credentials/" + aliceId[0]).statusCode())
                .isEqualTo(204);
        HttpResponse<String> bobNow = shared.get("/whoami");
        assertThat(bobNow.statusCode()).isEqualTo(200);
        assertThat(bobNow.body()).contains("bob");
    }

    /** A passkey session stepped up with another passkey of its account still ends with the one it signed in with. */
    @Test
    void aPasskeySessionSteppedUpWithAnotherOfItsPasskeysStillEndsWithItsOwn() {
        String[] first = new String[1];
        SoftwareAuthenticator phone = passkeyOf("alice", first);
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        HttpSession settings = new HttpSession(port);
        settings.signInWithPassword("alice", "alice-password");
        register(settings, key, "{}");

        HttpSession browser = new HttpSession(port);
        assertThat(signIn(browser, phone, new Tamper()).statusCode()).isEqualTo(200);
        HttpResponse<String> up = stepUp(browser, key, new Tamper(), null);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(200);

        assertThat(settings.delete("/passkeys/credentials/" + first[0]).statusCode())
                .isEqualTo(204);
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(302);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Endpoints.class, SmallApps.Csrf.class})
    static class App {
        @Bean
        List<String> logouts() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        SecurityFilterChain web(HttpSecurity http, List<String> logouts) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .logout(l -> l.invalidateHttpSession(false)
                            .addLogoutHandler((request, response, authentication) ->
                                    logouts.add(authentication == null ? "null" : authentication.getName())))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice", "bob");
        }

        @RestController
        static class Endpoints {
            @GetMapping("/whoami")
            Map<String, Object> whoami(Authentication authentication) {
                return Map.of(
                        "name",
                        authentication.getName(),
                        "authorities",
                        authentication.getAuthorities().toString());
            }
        }
    }
}
