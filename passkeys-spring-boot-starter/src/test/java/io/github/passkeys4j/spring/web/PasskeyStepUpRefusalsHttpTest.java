package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.OtherSignIn;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.SettingsChange;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyStepUpHttpTest.stepUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused step-ups change nothing: not the session (still refused, same session id), not the passkeys (same counters).
 * Another account's passkey, an expired challenge, a return address on another site, no passkey at all, no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyStepUpRefusalsHttpTest {

    private ConfigurableApplicationContext app;
    private RelyingParty relyingParty;
    private int port;

    @BeforeAll
    void start() {
        app = StepUpApp.start("jdbc:h2:mem:stepup-refusals");
        relyingParty = app.getBean(RelyingParty.class);
        port = StepUpApp.port(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPasskeyOfAnotherAccountIsRefused() {
        // One authenticator holds a passkey of each: the browser would offer both.
        SoftwareAuthenticator shared = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        String bobsId = register(bob, shared, "{}").path("id").asString();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, shared, "{}");

        HttpResponse<String> options = alice.post("/passkeys/step-up/options", "{}");
        assertThat(json(options).path("allowCredentials").toString()).doesNotContain(bobsId);
        List<Passkey> before = stored();
        String session = alice.sessionId();

        HttpResponse<String> refused = stepUp(alice, shared, new Tamper().useCredential(bobsId), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("USER_HANDLE_MISMATCH");
        assertUnchanged(alice, session, before);
        assertThat(json(alice.get("/whoami")).path("name").asString()).isEqualTo("alice");
    }

    @Test
    void anExpiredStepUpIsRefused() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, phone, "{}");
        HttpResponse<String> options = alice.post("/passkeys/step-up/options", "{}");
        String assertion =
                phone.authenticate(SoftwareAuthenticator.requestOptions(options.body()), alice.origin(), new Tamper());
        // passkeys.ceremony-timeout is 5 minutes.
        StepUpApp.CLOCK.advance(Duration.ofMinutes(6));
        List<Passkey> before = stored();
        String session = alice.sessionId();

        HttpResponse<String> late = alice.post("/passkeys/step-up", "{\"credential\": " + assertion + "}");
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(json(late).path("reason").asString()).isEqualTo("CHALLENGE_EXPIRED");
        assertUnchanged(alice, session, before);
    }

    @Test
    void aReturnAddressOnAnotherSiteIsRefusedBeforeThePasskeyIsUsed() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        register(alice, phone, "{}");
        for (String elsewhere :
                List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "evil.example", "/a\nb", "")) {
            List<Passkey> before = stored();
            String session = alice.sessionId();
            HttpResponse<String> refused = stepUp(alice, phone, new Tamper(), elsewhere);
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(json(refused).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
            assertThat(refused.body()).doesNotContain("evil.example");
            assertUnchanged(alice, session, before);
        }
        HttpResponse<String> garbage = alice.post("/passkeys/step-up", "not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
        HttpResponse<String> ok = stepUp(alice, phone, new Tamper(), "/danger/page?tab=2");
        assertThat(json(ok).path("redirectUrl").asString()).isEqualTo("/danger/page?tab=2");
    }

    @Test
    void withoutASessionThereIsNothingToConfirm() {
        HttpResponse<String> none = new HttpSession(port).post("/passkeys/step-up/options", "{}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("reason").asString()).isEqualTo("SIGN_IN_REQUIRED");
        HttpResponse<String> anonymous = new HttpSession(port).post("/passkeys/step-up", "{\"credential\": {}}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(PasskeyStepUpHttpTest.page(new HttpSession(port), "/passkeys/step-up")
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void anAccountWithoutPasskeysIsToldToAddOne() {
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        // bob may hold a passkey from another test: turn it off (a turned-off passkey cannot confirm either).
        relyingParty
                .management()
                .list("bob")
                .forEach(p -> relyingParty
                        .management()
                        .update("bob", p.credentialId(), new SettingsChange(null, false), OtherSignIn.of(true)));
        HttpResponse<String> none = bob.post("/passkeys/step-up/options", "{}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json(none).path("reason").asString()).isEqualTo("STEP_UP_NO_PASSKEY");
        assertThat(json(none).path("message").asString()).contains("Add a passkey");
    }

    private List<Passkey> stored() {
        return relyingParty.management().list("alice");
    }

    /** Still refused, same session id, the passkeys as they were (counters, last use). */
    private void assertUnchanged(HttpSession session, String sessionId, List<Passkey> before) {
        assertThat(session.get("/danger/page").statusCode()).isEqualTo(401);
        assertThat(session.sessionId()).isEqualTo(sessionId);
        assertThat(stored()).isEqualTo(before);
    }
}
