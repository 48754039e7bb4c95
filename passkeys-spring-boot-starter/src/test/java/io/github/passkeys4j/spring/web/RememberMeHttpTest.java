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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * An app with {@code http.rememberMe()}: a passkey sign-in is remembered as its form login is, when the request asks
 * ({@code remember-me} parameter, which passkeys.js sends from a ticked {@code data-passkey-remember-me} checkbox),
 * and a failed one forgets, as a failed form login does. Spring Security's generated page marks its checkbox so.
 */
@SpringBootTest(
        classes = RememberMeHttpTest.RememberMeApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:rememberme;DB_CLOSE_DELAY=-1")
class RememberMeHttpTest {

    private static final String COOKIE = "remember-me";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Test
    void aPasskeySignInThatAsksIsRememberedAfterTheSessionEnds() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> signIn = signIn(browser, authenticator, "?remember-me=true", new Tamper());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String remembered = browser.cookie(COOKIE);
        assertThat(remembered).isNotBlank();

        // The session gone (a new browser session with only that cookie): the app's remember-me signs alice in.
        HttpResponse<String> later = withOnlyTheCookie(remembered, "/hello");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).isEqualTo("{\"hello\":\"alice\"}");
    }

    /** The cookie would sign the browser in again, past the passkey's revocation: it goes with the session. */
    @Test
    void revokingThePasskeyEndsItsSessionAndItsRememberMeCookie() {
        HttpSession owner = new HttpSession(port);
        owner.signInWithPassword("alice", "alice-password");
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String id = register(owner, authenticator, "{}").path("id").asString();
        HttpSession lost = new HttpSession(port);
        assertThat(signIn(lost, authenticator, "?remember-me=true", new Tamper())
                        .statusCode())
                .isEqualTo(200);
        String remembered = lost.cookie(COOKIE);
        assertThat(remembered).isNotBlank();

        assertThat(owner.delete("/passkeys/credentials/" + id).statusCode()).isEqualTo(204);

        HttpResponse<String> next = lost.get("/hello");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(COOKIE + "=;"));
        assertThat(lost.cookie(COOKIE)).isNull();
        assertThat(lost.get("/hello").statusCode()).isEqualTo(302);
    }

    @Test
    void aPasskeySignInThatDoesNotAskIsNotRemembered() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        HttpSession browser = new HttpSession(port);
        assertThat(signIn(browser, authenticator, "", new Tamper()).statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");
        assertThat(browser.cookie(COOKIE)).isNull();
    }

    @Test
    void aFailedPasskeySignInForgetsAsAFailedPasswordDoes() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        HttpSession browser = new HttpSession(port);
        signIn(browser, authenticator, "?remember-me=true", new Tamper());
        assertThat(browser.cookie(COOKIE)).isNotBlank();

        HttpResponse<String> refused =
                signIn(browser, authenticator, "?remember-me=true", new Tamper().corruptSignature());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(refused.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith(COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(browser.cookie(COOKIE)).isNull();
    }

    @Test
    void theGeneratedPagesCheckboxIsLabelledAndSentWithAPasskeySignIn() {
        String page = new HttpSession(port).get("/login").body();
        assertThat(page)
                .contains("<p><label><input type=\"checkbox\" name=\"remember-me\" data-passkey-remember-me>"
                        + " Remember me on this computer.</label></p>")
                .doesNotContain("<input type='checkbox'");
        String german = new HttpSession(port).language("de").get("/login").body();
        assertThat(german)
                .contains("<label><input type=\"checkbox\" name=\"remember-me\" data-passkey-remember-me>"
                        + " Auf diesem Computer angemeldet bleiben.</label>");
    }

    /**
     * A browser signed in by remember-me alone sees and changes no passkey (a passkey added from a stolen cookie would
     * keep the account for good), and cannot step up either (the step-up's options would list the passkeys of
     * whoever has the name now), until it signs in again.
     */
    @Test
    void aSessionSignedInByRememberMeAloneSignsInAgainBeforeItManagesPasskeys() {
        SoftwareAuthenticator authenticator = alicesPasskey();
        HttpSession remembered = rememberedSession("alice", "alice-password");
        assertThat(remembered.get("/hello").body()).isEqualTo("{\"hello\":\"alice\"}");

        for (HttpResponse<String> refused : List.of(
                remembered.get("/passkeys/credentials"),
                remembered.post("/passkeys/registration/options", "{}"),
                remembered.get("/passkeys/recovery-codes"))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(json(refused).path("reason").asString()).isEqualTo("SIGN_IN_AGAIN");
            assertThat(json(refused).path("message").asString()).contains("sign in again");
        }

        // The page sends the browser to sign in again (and back, through the request cache), as for a signed-out one.
        HttpResponse<String> page =
                remembered.send(HttpRequest.newBuilder(URI.create(remembered.url("/passkeys/manage")))
                        .header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> stepUpOptions = remembered.post("/passkeys/step-up/options", "{}");
        assertThat(stepUpOptions.statusCode()).isEqualTo(401);
        assertThat(json(stepUpOptions).path("reason").asString()).isEqualTo("SIGN_IN_AGAIN");
        assertThat(json(stepUpOptions).path("allowCredentials").isMissingNode()).isTrue();

        assertThat(signIn(remembered, authenticator, "", new Tamper()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> listed = remembered.get("/passkeys/credentials");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(json(listed)).hasSize(1);
    }

    /**
     * StaleSessionTakeoverTest's case with a session remembered before the account was deleted: it cannot give the
     * name's next owner a passkey of its own (the review's finding: it could, and that passkey signed in to them).
     */
    @Test
    void aRememberedSessionOfADeletedAccountCannotAddAPasskeyForTheNamesNextOwner() {
        UserDetailsManager manager = (UserDetailsManager) users;
        manager.createUser(User.withUsername("carl")
                .password("{noop}old-owner")
                .roles("USER")
                .build());
        HttpSession oldCarl = rememberedSession("carl", "old-owner");
        manager.deleteUser("carl");
        manager.createUser(User.withUsername("carl")
                .password("{noop}new-owner")
                .roles("USER")
                .build());
        try {
            HttpResponse<String> options = oldCarl.post("/passkeys/registration/options", "{}");
            assertThat(options.statusCode()).as(options.body()).isEqualTo(401);
            assertThat(json(options).path("reason").asString()).isEqualTo("SIGN_IN_AGAIN");
            HttpSession newCarl = new HttpSession(port);
            newCarl.signInWithPassword("carl", "new-owner");
            assertThat(json(newCarl.get("/passkeys/credentials"))).isEmpty();
        } finally {
            manager.deleteUser("carl");
        }
    }

    /** A browser whose session has ended, signed in again by the cookie a password sign-in with remember-me left. */
    private HttpSession rememberedSession(String username, String password) {
        HttpSession signIn = new HttpSession(port);
        String token = signIn.csrf().path("token").asString();
        HttpResponse<String> form = signIn.send(HttpRequest.newBuilder(URI.create(signIn.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&remember-me=on&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(form.statusCode()).isEqualTo(302);
        String cookie = signIn.cookie(COOKIE);
        assertThat(cookie).isNotBlank();
        HttpSession remembered = new HttpSession(port);
        HttpResponse<String> first = remembered.send(
                HttpRequest.newBuilder(URI.create(remembered.url("/hello"))).header("Cookie", COOKIE + "=" + cookie));
        assertThat(first.statusCode()).isEqualTo(200);
        return remembered;
    }

    private SoftwareAuthenticator alicesPasskey() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, authenticator, "{}");
        return authenticator;
    }

    private static HttpResponse<String> signIn(
            HttpSession session, SoftwareAuthenticator authenticator, String query, Tamper tamper) {
        HttpResponse<String> options = session.post("/passkeys/authentication/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        String assertion = authenticator.authenticate(
                SoftwareAuthenticator.requestOptions(options.body()), session.origin(), tamper);
        return session.post("/passkeys/authentication" + query, assertion);
    }

    private HttpResponse<String> withOnlyTheCookie(String value, String path) {
        HttpSession fresh = new HttpSession(port);
        return fresh.send(HttpRequest.newBuilder(URI.create(fresh.url(path))).header("Cookie", COOKIE + "=" + value));
    }

    /** An app with form login on Spring Security's generated page, and remember-me. */
    // Not @SpringBootConfiguration: other tests of this package would find it when looking for their application.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({SmallApps.Hello.class, SmallApps.Csrf.class})
    static class RememberMeApp {
        @Bean
        SecurityFilterChain web(HttpSecurity http, UserDetailsService users) throws Exception {
            return http.authorizeHttpRequests(a ->
                            a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .rememberMe(r -> r.key("remember-me-test-key").userDetailsService(users))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return SmallApps.users("alice");
        }
    }
}
