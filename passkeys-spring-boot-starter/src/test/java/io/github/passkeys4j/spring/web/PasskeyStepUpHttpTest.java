package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up over real HTTP: a URL rule ({@code PasskeyStepUp}), a method ({@code @RecentPasskey}) and the starter's
 * own passkey deletion ({@code passkeys.step-up.actions}) each need a passkey confirmed with user verification within
 * their time, on the app's {@code TestClock}. A page request goes to the step-up page and back; a JSON request gets a
 * 401 problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyStepUpHttpTest {

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void start() {
        app = StepUpApp.start("jdbc:h2:mem:stepup");
        port = StepUpApp.port(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPasswordSignInIsSentThroughTheStepUpPageAndBack() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, phone, "{}");

        HttpResponse<String> page = page(alice, "/danger/page");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/passkeys/step-up");
        HttpResponse<String> stepUpPage = page(alice, "/passkeys/step-up");
        assertThat(stepUpPage.statusCode()).isEqualTo(200);
        assertThat(stepUpPage.body()).contains("Confirm it&#39;s you", "data-passkey-step-up", "alice");

        String before = alice.sessionId();
        HttpResponse<String> done = stepUp(alice, phone, new Tamper(), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        // Back to the request that asked for it, with a new session id and the same user.
        // (Spring's saved request adds "?continue", by which it recognises the request it saved.)
        assertThat(json(done).path("redirectUrl").asString()).startsWith(alice.url("/danger/page"));
        assertThat(alice.sessionId()).isNotEqualTo(before);
        assertThat(page(alice, "/danger/page").statusCode()).isEqualTo(200);
        JsonNode who = json(alice.get("/whoami"));
        assertThat(who.path("name").asString()).isEqualTo("alice");
        assertThat(who.path("type").asString()).isEqualTo("UsernamePasswordAuthenticationToken");
        assertThat(who.path("authorities").toString()).contains("FACTOR_PASSWORD", "FACTOR_WEBAUTHN", "ROLE_USER");
    }

    /** "A password session stays one": the automatic upgrade still sees a password sign-in after a step-up. */
    @Test
    void aSteppedUpPasswordSessionIsStillAPasswordSignIn() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession erin = new HttpSession(port);
        erin.signInWithPassword("bob", "bob-password");
        register(erin, phone, "{}");
        HttpResponse<String> up = stepUp(erin, phone, new Tamper(), null);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(json(erin.get("/whoami")).path("authorities").toString()).contains("FACTOR_WEBAUTHN");

        assertThat(json(erin.get("/passkeys/upgrade")).path("signedInWith").asString())
                .isEqualTo("password");
        assertThat(erin.post("/passkeys/upgrade/options", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aJsonRequestGetsAProblemInTheUsersLanguage() {
        HttpSession bob = new HttpSession(port).language("de-DE");
        bob.signInWithPassword("bob", "bob-password");
        HttpResponse<String> refused = bob.get("/danger/page");
        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode problem = json(refused);
        assertThat(problem.path("reason").asString()).isEqualTo("STEP_UP_REQUIRED");
        assertThat(problem.path("detail").asString()).contains("/passkeys/step-up");
        assertThat(problem.path("message").asString()).startsWith("Bestätigen Sie zu Ihrer Sicherheit");
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aStepUpCountsForItsTimeOnly() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession session = new HttpSession(port);
        session.signInWithPassword("alice", "alice-password");
        register(session, phone, "{}");
        assertThat(stepUp(session, phone, new Tamper(), "/danger/page").statusCode())
                .isEqualTo(200);

        StepUpApp.CLOCK.advance(Duration.ofMinutes(1).plusSeconds(50));
        assertThat(session.get("/danger/page").statusCode()).isEqualTo(200);
        assertThat(session.get("/vault").statusCode()).isEqualTo(200);
        // @RecentPasskey(minutes = 2) is over, the URL rule's 5 minutes are not.
        StepUpApp.CLOCK.advance(Duration.ofSeconds(20));
        HttpResponse<String> vault = session.get("/vault");
        assertThat(vault.statusCode()).isEqualTo(401);
        assertThat(json(vault).path("reason").asString()).isEqualTo("STEP_UP_REQUIRED");
        assertThat(session.get("/danger/page").statusCode()).isEqualTo(200);
        StepUpApp.CLOCK.advance(Duration.ofMinutes(3));
        assertThat(session.get("/danger/page").statusCode()).isEqualTo(401);

        assertThat(stepUp(session, phone, new Tamper(), "/vault").statusCode()).isEqualTo(200);
        assertThat(json(session.get("/vault")).path("vault").asString()).isEqualTo("open");
    }

    @Test
    void aPasskeySignInWithUserVerificationCountsAndOneWithoutDoesNot() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, phone, "{}");

        HttpSession verified = new HttpSession(port);
        assertThat(signIn(verified, phone, new Tamper()).statusCode()).isEqualTo(200);
        assertThat(verified.get("/danger/page").statusCode()).isEqualTo(200);

        HttpSession unverified = new HttpSession(port);
        assertThat(signIn(unverified, phone, new Tamper().userVerified(false)).statusCode())
                .isEqualTo(200);
        assertThat(unverified.get("/whoami").statusCode()).isEqualTo(200);
        assertThat(unverified.get("/danger/page").statusCode()).isEqualTo(401);
        // Nor does a step-up without user verification; one with it does.
        HttpResponse<String> noUv = stepUp(unverified, phone, new Tamper().userVerified(false), null);
        assertThat(noUv.statusCode()).isEqualTo(401);
        assertThat(json(noUv).path("reason").asString()).isEqualTo("USER_NOT_VERIFIED");
        assertThat(unverified.get("/danger/page").statusCode()).isEqualTo(401);
        assertThat(stepUp(unverified, phone, new Tamper(), null).statusCode()).isEqualTo(200);
        assertThat(unverified.get("/danger/page").statusCode()).isEqualTo(200);
        assertThat(json(unverified.get("/whoami")).path("type").asString()).isEqualTo("PasskeyAuthenticationToken");
    }

    @Test
    void deletingAPasskeyNeedsAStepUpWhenThePropertySaysSo() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        SoftwareAuthenticator laptop = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        register(bob, phone, "{}");
        String laptopId = register(bob, laptop, "{}").path("id").asString();

        HttpResponse<String> refused = bob.delete("/passkeys/credentials/" + laptopId);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("STEP_UP_REQUIRED");
        assertThat(bob.get("/passkeys/credentials/" + laptopId).statusCode()).isEqualTo(200);

        assertThat(stepUp(bob, phone, new Tamper(), "/passkeys/manage").statusCode())
                .isEqualTo(200);
        assertThat(bob.delete("/passkeys/credentials/" + laptopId).statusCode()).isEqualTo(204);
        assertThat(bob.get("/passkeys/credentials/" + laptopId).statusCode()).isEqualTo(404);
    }

    static HttpResponse<String> page(HttpSession session, String path) {
        return session.send(HttpRequest.newBuilder(URI.create(session.url(path)))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET());
    }

    /** The step-up as passkeys.js runs it: options, the authenticator's answer, the finish. */
    static HttpResponse<String> stepUp(
            HttpSession session, SoftwareAuthenticator authenticator, Tamper tamper, String continueTo) {
        HttpResponse<String> options = session.post("/passkeys/step-up/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String assertion = authenticator.authenticate(
                SoftwareAuthenticator.requestOptions(options.body()), session.origin(), tamper);
        String next = continueTo == null ? "" : ", \"returnTo\": " + HttpSession.JSON.writeValueAsString(continueTo);
        return session.post("/passkeys/step-up", "{\"credential\": " + assertion + next + "}");
    }
}
