package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyStepUpHttpTest.page;
import static io.github.passkeys4j.spring.web.PasskeyStepUpHttpTest.stepUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app under {@code /portal} whose HTML form posts to an action that needs a recent passkey: the browser is sent to
 * the step-up page and back to the form's page (not shown a JSON problem), and a return address outside the app is
 * refused before the user is asked for a passkey.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepUpFormsHttpTest {

    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void start() {
        app = StepUpApp.start("jdbc:h2:mem:stepup-forms", "--server.servlet.context-path=/portal");
        port = StepUpApp.port(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** As a browser sends a form: a navigation, HTML accepted, the page it was on as Referer. */
    private static HttpResponse<String> submitForm(HttpSession browser, String action, String referer) {
        HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(browser.url(action)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "amount=10&_csrf=" + browser.csrf().path("token").asString()));
        if (referer != null) {
            form.header("Referer", referer);
        }
        return browser.send(form);
    }

    @Test
    void aFormGoesThroughTheStepUpPageAndBackToItsPage() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port, "/portal");
        alice.signInWithPassword("alice", "alice-password");
        register(alice, phone, "{}");
        String settings = alice.origin() + "/portal/settings?tab=money";

        HttpResponse<String> sent = submitForm(alice, "/danger/transfer", settings);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location"))
                .hasValue("/portal/passkeys/step-up?returnTo=%2Fportal%2Fsettings%3Ftab%3Dmoney");
        // A Referer outside the app, or none: the step-up page without a way back to a form.
        assertThat(submitForm(alice, "/danger/transfer", alice.origin() + "/other/page")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/portal/passkeys/step-up");
        assertThat(submitForm(alice, "/danger/transfer", null).headers().firstValue("Location"))
                .hasValue("/portal/passkeys/step-up");
        // A script's request still gets the problem.
        HttpResponse<String> script = alice.post("/danger/transfer", "{}");
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(json(script).path("reason").asString()).isEqualTo("STEP_UP_REQUIRED");

        assertThat(page(alice, "/passkeys/step-up?returnTo=%2Fportal%2Fsettings%3Ftab%3Dmoney")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> done = stepUp(alice, phone, new Tamper(), "/portal/settings?tab=money");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).path("redirectUrl").asString()).isEqualTo("/portal/settings?tab=money");
        HttpResponse<String> again = submitForm(alice, "/danger/transfer", settings);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"sent\":\"alice\"");
    }

    @Test
    void aReturnAddressOutsideTheAppIsRefusedBeforeThePasskeyIsAskedFor() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port, "/portal");
        bob.signInWithPassword("bob", "bob-password");
        register(bob, phone, "{}");

        for (String outside : new String[] {"https://evil.example/", "/settings", "//evil.example/", "settings"}) {
            HttpResponse<String> stepUpPage =
                    page(bob, "/passkeys/step-up?returnTo=" + URLEncoder.encode(outside, StandardCharsets.UTF_8));
            assertThat(stepUpPage.statusCode()).as(outside).isEqualTo(303);
            assertThat(stepUpPage.headers().firstValue("Location")).as(outside).hasValue("/portal/passkeys/step-up");
        }
        // The finish too, for a client that skips the page: 400 before the passkey is checked.
        HttpResponse<String> refused = stepUp(bob, phone, new Tamper(), "/settings");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("path of this app");
        assertThat(json(bob.get("/whoami")).path("authorities").toString()).doesNotContain("FACTOR_WEBAUTHN");
    }
}
