package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery codes over real HTTP on the test app (H2): regenerating and counting them signed in, signing in with one
 * into a session that may only add a passkey, and every refusal (wrong, reused, unknown user, locked, malformed) as a
 * problem that changes nothing. The lockout window is one second here, so "after the window" is a short wait.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:recovery-codes;DB_CLOSE_DELAY=-1",
            "passkeys.recovery.lockout=PT1S"
        })
class RecoveryCodesHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Autowired
    UserDetailsService users;

    /** A passkey-only user of its own for a test (the app's users are shared by the tests of this class). */
    private String user(String name) {
        UserDetailsManager manager = (UserDetailsManager) users;
        if (!manager.userExists(name)) {
            manager.createUser(
                    User.withUsername(name).password("").roles("USER").build());
        }
        return name;
    }

    private HttpResponse<String> recover(HttpSession session, String username, String code) {
        return session.post(
                "/passkeys/recovery",
                HttpSession.JSON.writeValueAsString(java.util.Map.of("username", username, "code", code)));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
        assertThat(problem.path("message").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void aSignedInUserMakesNewCodesSeenOnceAndCountsThem() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");

        assertThat(json(alice.get("/passkeys/recovery-codes")).path("remaining").asInt())
                .isZero();
        HttpResponse<String> made = alice.post("/passkeys/recovery-codes", "{}");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        List<String> codes =
                json(made).path("codes").valueStream().map(JsonNode::asString).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        JsonNode counts = json(alice.get("/passkeys/recovery-codes"));
        assertThat(counts.path("remaining").asInt()).isEqualTo(10);
        assertThat(counts.path("total").asInt()).isEqualTo(10);
        assertThat(counts.has("codes")).as("never the codes again").isFalse();

        List<String> fresh = json(alice.post("/passkeys/recovery-codes", "{}"))
                .path("codes")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertProblem(recover(new HttpSession(port), "alice", codes.get(0)), 401, "RECOVERY_CODE_INVALID");
        assertThat(recover(new HttpSession(port), "alice", fresh.get(0)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void signedOutNobodyReadsOrMakesCodes() {
        HttpSession anonymous = new HttpSession(port);

        assertThat(anonymous.get("/passkeys/recovery-codes").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/passkeys/recovery-codes", "{}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aCodeSignsInForRecoveryThatOnlyAddsAPasskeyUntilItSignsInWithIt() {
        List<String> codes = relyingParty.recoveryCodes().issue(user("dave"));
        HttpSession dave = new HttpSession(port);
        dave.csrf();
        String before = dave.sessionId();

        HttpResponse<String> recovered =
                recover(dave, "dave", codes.get(2).toLowerCase().replace("-", " "));

        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        assertThat(json(recovered).path("redirectUrl").asString()).isEqualTo("/passkeys/manage?recovery");
        assertThat(json(recovered).path("codesLeft").asInt()).isEqualTo(9);
        assertThat(dave.sessionId()).as("a new session id").isNotEqualTo(before);
        dave.csrfFromPage("/passkeys/manage");
        // Only the passkeys page and adding a passkey: other pages go there, other calls are refused.
        assertThat(dave.get("/passkeys/manage").statusCode()).isEqualTo(200);
        assertProblem(dave.get("/whoami"), 403, "RECOVERY_SESSION_LIMITED");
        HttpResponse<String> page = dave.send(HttpRequest.newBuilder(URI.create(dave.url("/whoami")))
                .header("Accept", "text/html")
                .GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/passkeys/manage?recovery"));
        assertProblem(dave.post("/passkeys/recovery-codes", "{}"), 403, "RECOVERY_SESSION_LIMITED");
        assertThat(relyingParty.recoveryCodes().remaining("dave")).isEqualTo(9);

        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        String id =
                register(dave, phone, "{\"name\": \"New phone\"}").path("id").asString();
        assertProblem(dave.delete("/passkeys/credentials/" + id), 403, "RECOVERY_SESSION_LIMITED");
        assertThat(signIn(dave, phone, new Tamper()).statusCode()).isEqualTo(200);

        assertThat(json(dave.get("/whoami")).path("name").asString()).isEqualTo("dave");
        assertThat(dave.post("/passkeys/recovery-codes", "{}").statusCode()).isEqualTo(201);
    }

    /**
     * The passkeys page of a recovery session: a way out (sign out) instead of "Back" to the app, which would only send
     * it back; and what the page asks for besides the list (the Signal API's data) is not refused.
     */
    @Test
    void aRecoverySessionsPageOffersSignOutAndLoadsWithoutRefusals() {
        List<String> codes = relyingParty.recoveryCodes().issue(user("dave"));
        HttpSession dave = new HttpSession(port);
        assertThat(recover(dave, "dave", codes.get(0)).statusCode()).isEqualTo(200);

        String page = dave.get("/passkeys/manage").body();
        assertThat(page)
                .containsPattern("<p class=\"passkeys-back\" hidden>")
                .containsPattern("<form class=\"passkeys-back\" method=\"post\" action=\"/logout\" >")
                .contains("name=\"_csrf\" value=\"", ">Sign out</button>");
        assertThat(dave.get("/passkeys/signals").statusCode()).isEqualTo(200);

        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> out = dave.send(HttpRequest.newBuilder(URI.create(dave.url("/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(dave.get("/passkeys/manage").statusCode()).isNotEqualTo(200);

        // Any other session's page keeps "Back" and no sign-out form.
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        assertThat(alice.get("/passkeys/manage").body())
                .contains("<p class=\"passkeys-back\" >")
                .containsPattern("<form class=\"passkeys-back\" method=\"post\" action=\"/logout\" hidden>");
    }

    @Test
    void aUsedCodeIsRefusedAndChangesNothing() {
        String code = relyingParty.recoveryCodes().issue(user("gina")).get(0);
        assertThat(recover(new HttpSession(port), "gina", code).statusCode()).isEqualTo(200);

        HttpSession again = new HttpSession(port);
        assertProblem(recover(again, "gina", code), 401, "RECOVERY_CODE_INVALID");
        assertThat(again.get("/whoami").statusCode()).as("still signed out").isEqualTo(302);
        assertThat(relyingParty.recoveryCodes().remaining("gina")).isEqualTo(9);
    }

    @Test
    void aDisabledAccountsRightCodeIsAnsweredAsWrongAndStaysUnused() {
        String code = relyingParty.recoveryCodes().issue("carol").get(0);

        HttpResponse<String> refused = recover(new HttpSession(port), "carol", code);

        assertProblem(refused, 401, "RECOVERY_CODE_INVALID");
        assertThat(relyingParty.recoveryCodes().remaining("carol")).isEqualTo(10);
    }

    @Test
    void aWrongCodeAndAnUnknownUserGetTheSameAnswer() {
        relyingParty.recoveryCodes().issue(user("hank"));

        HttpResponse<String> wrong = recover(new HttpSession(port), "hank", "0000-0000-0000");
        HttpResponse<String> unknown = recover(new HttpSession(port), "nobody-at-all", "0000-0000-0000");
        HttpResponse<String> noCodes = recover(new HttpSession(port), user("ivy"), "0000-0000-0000");

        assertProblem(wrong, 401, "RECOVERY_CODE_INVALID");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode());
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(noCodes.body()).isEqualTo(wrong.body());
        assertThat(relyingParty.recoveryCodes().remaining("hank")).isEqualTo(10);
    }

    @Test
    void fiveWrongCodesLockTheAccountThenTheRightOneWorksAfterTheWindow() throws Exception {
        String code = relyingParty.recoveryCodes().issue(user("erin")).get(0);
        for (int i = 0; i < 5; i++) {
            assertProblem(recover(new HttpSession(port), "erin", "0000-0000-000" + i), 401, "RECOVERY_CODE_INVALID");
        }

        HttpSession locked = new HttpSession(port);
        var refused = recover(locked, "erin", code);
        assertProblem(refused, 429, "RECOVERY_LOCKED");
        assertThat(refused.headers().firstValue("Retry-After"))
                .as("the lockout window")
                .hasValue("1");
        assertThat(locked.get("/whoami").statusCode()).isEqualTo(302);
        assertThat(relyingParty.recoveryCodes().remaining("erin")).isEqualTo(10);
        // An unknown user is locked alike, so the lock tells nothing either.
        for (int i = 0; i < 5; i++) {
            recover(new HttpSession(port), "nobody-locked", "0000-0000-0000");
        }
        assertProblem(recover(new HttpSession(port), "nobody-locked", code), 429, "RECOVERY_LOCKED");

        Thread.sleep(1_200); // passkeys.recovery.lockout=PT1S

        assertThat(recover(new HttpSession(port), "erin", code).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreProblemsThatChangeNothing() {
        relyingParty.recoveryCodes().issue(user("frank"));
        HttpSession session = new HttpSession(port);

        assertProblem(session.post("/passkeys/recovery", "not json"), 400, "MALFORMED_REQUEST");
        assertProblem(session.post("/passkeys/recovery", "[]"), 400, "MALFORMED_REQUEST");
        assertProblem(
                session.post("/passkeys/recovery", "{\"username\": \"frank-malformed\"}"), 400, "MALFORMED_REQUEST");
        assertProblem(
                session.post("/passkeys/recovery", "{\"username\": \"\", \"code\": \"x\"}"), 400, "MALFORMED_REQUEST");
        JsonNode csrf = session.csrf();
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(URI.create(session.url("/passkeys/recovery")))
                .header("Content-Type", "text/plain")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("frank")));
        assertProblem(form, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(session.postWithoutCsrf("/passkeys/recovery", "{}").statusCode())
                .isEqualTo(403);

        assertThat(relyingParty.recoveryCodes().remaining("frank")).isEqualTo(10);
    }
}
