package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RecoveryAttempt;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.signupapp.SignUpTestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey-only sign-up over real HTTP, with the app's users in a {@code JdbcUserDetailsManager} on the same database as
 * the passkeys (H2 here, PostgreSQL in the subclass): every refusal is checked in the tables, not only by its status.
 */
@SpringBootTest(
        classes = SignUpTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:signup;DB_CLOSE_DELAY=-1",
            "passkeys.sign-up.enabled=true",
            "passkeys.max-request-size=16KB"
        })
class SignUpHttpTest {

    private static final int RACERS = 8;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RelyingParty relyingParty;

    /** Every passkeys row and every app user with their authorities: what a refusal must leave as it was. */
    private Map<String, Object> everything() {
        return Map.of(
                "passkeys",
                StoredRows.of(jdbc),
                "users",
                jdbc.queryForList("SELECT username, password, enabled FROM users ORDER BY username")
                        .toString(),
                "authorities",
                jdbc.queryForList("SELECT username, authority FROM authorities ORDER BY username, authority")
                        .toString());
    }

    private static String options(String username, String displayName) {
        return "{\"username\": " + HttpSession.JSON.writeValueAsString(username) + ", \"displayName\": "
                + HttpSession.JSON.writeValueAsString(displayName) + "}";
    }

    /** The finish, as passkeys.js sends it: who signs up (as in the options), the new passkey, its name. */
    static String finishBody(
            SoftwareAuthenticator authenticator, HttpResponse<String> options, String origin, Tamper tamper) {
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode user = json(options).path("user");
        return "{\"username\": "
                + HttpSession.JSON.writeValueAsString(user.path("name").asString())
                + ", \"displayName\": "
                + HttpSession.JSON.writeValueAsString(user.path("displayName").asString())
                + ", \"credential\": "
                + authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), origin, tamper)
                + ", \"name\": \"Laptop\"}";
    }

    @Test
    void aNewUserSignsUpWithOnlyAPasskeyIsSignedInAndSignsInAgainWithIt() {
        HttpSession browser = new HttpSession(port);
        browser.csrf();
        String sessionBefore = browser.sessionId();
        Map<String, Object> before = everything();

        HttpResponse<String> options = browser.post("/passkeys/sign-up/options", options(" quinn ", "Quinn Q."));

        JsonNode o = json(options);
        assertThat(Base64.getUrlDecoder().decode(o.path("user").path("id").asString()))
                .hasSize(64);
        assertThat(o.path("user").path("name").asString()).isEqualTo("quinn");
        assertThat(o.path("user").path("displayName").asString()).isEqualTo("Quinn Q.");
        assertThat(o.path("authenticatorSelection").path("residentKey").asString())
                .isEqualTo("required");
        assertThat(o.path("authenticatorSelection").path("userVerification").asString())
                .isEqualTo("required");
        assertThat(options.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(everything())
                .as("the options create no account and reserve no name")
                .isEqualTo(before);

        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpResponse<String> created =
                browser.post("/passkeys/sign-up", finishBody(phone, options, browser.origin(), new Tamper()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("redirectUrl").asString()).isEqualTo("/");
        assertThat(body.path("username").asString()).isEqualTo("quinn");
        assertThat(body.path("signedIn").asBoolean()).isTrue();
        assertThat(body.path("passkey").path("name").asString()).isEqualTo("Laptop");
        // Its recovery codes, shown this once: a passkey-only account's way back in if the passkey is lost.
        JsonNode codes = body.path("recoveryCodes");
        assertThat(codes).hasSize(10);
        assertThat(created.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(relyingParty.recoveryCodes().remaining("quinn")).isEqualTo(10);
        assertThat(body.path("welcome").asString())
                .as("a SignUpResponseContributor's member")
                .isEqualTo("Hello quinn (quinn)");
        assertThat(jdbc.queryForMap("SELECT password, enabled FROM users WHERE username = 'quinn'"))
                .containsEntry("PASSWORD", "")
                .containsEntry("ENABLED", true);
        assertThat(jdbc.queryForList("SELECT authority FROM authorities WHERE username = 'quinn'", String.class))
                .containsExactly("ROLE_USER");
        assertThat(jdbc.queryForObject(
                        "SELECT display_name FROM passkeys_user WHERE account_id = 'quinn'", String.class))
                .isEqualTo("Quinn Q.");
        // Signed in as the app's own user, with a new session id (fixation protection).
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(sessionBefore);
        JsonNode whoami = json(browser.get("/whoami"));
        assertThat(whoami.path("name").asString()).isEqualTo("quinn");
        assertThat(whoami.path("authorities").toString()).contains("ROLE_USER", "FACTOR_WEBAUTHN");

        // Another browser: no password works (an empty one included); the passkey does.
        HttpSession later = new HttpSession(port);
        assertThat(later.signInWithPassword("quinn", "").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error"));
        assertThat(PasskeyEndpointsTest.signIn(later, phone, new Tamper()).statusCode())
                .isEqualTo(200);
        assertThat(json(later.get("/whoami")).path("name").asString()).isEqualTo("quinn");

        // With a recovery code unused, the codes are a way back in; once all are used, its only passkey is its last way
        // in: it can be neither deleted nor disabled.
        for (JsonNode code : codes) {
            relyingParty.recoveryCodes().redeem(RecoveryAttempt.forAccount("quinn", "quinn", code.asString()));
        }
        String id = body.path("passkey").path("id").asString();
        HttpResponse<String> delete = later.delete("/passkeys/credentials/" + id);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(json(delete).path("reason").asString()).isEqualTo("LAST_SIGN_IN_METHOD");
        assertThat(later.patch("/passkeys/credentials/" + id, "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aTakenUsernameIs409AtOnceInBothVoicesAndWritesNothing() {
        Map<String, Object> before = everything();
        HttpSession browser = new HttpSession(port).language("de-DE");

        HttpResponse<String> taken = browser.post("/passkeys/sign-up/options", options("pat", null));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(taken);
        assertThat(problem.path("reason").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(problem.path("detail").asString()).contains("already belongs to an account");
        assertThat(problem.path("message").asString()).contains("schon vergeben");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void ofRacingSignUpsForOneUsernameExactlyOneMakesTheAccountAndTheRestGet409() throws Exception {
        List<HttpSession> browsers = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpSession browser = new HttpSession(port);
            // Every one starts while the name is free: the check at the start cannot decide the race.
            bodies.add(finishBody(
                    new SoftwareAuthenticator(),
                    browser.post("/passkeys/sign-up/options", options("rory", null)),
                    browser.origin(),
                    new Tamper()));
            browsers.add(browser);
        }
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpSession browser = browsers.get(i);
            String body = bodies.get(i);
            Callable<HttpResponse<String>> finish = () -> {
                start.await();
                return browser.post("/passkeys/sign-up", body);
            };
            results.add(pool.submit(finish));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> result : results) {
            HttpResponse<String> response = result.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                assertThat(json(response).path("reason").asString())
                        .as(response.body())
                        .isEqualTo("USERNAME_TAKEN");
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = 'rory'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM passkeys_user WHERE username = 'rory'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_credential c JOIN passkeys_user u"
                                + " ON c.user_handle = u.user_handle WHERE u.username = 'rory'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_credential c WHERE NOT EXISTS (SELECT 1 FROM passkeys_user u"
                                + " WHERE u.user_handle = c.user_handle)",
                        Integer.class))
                .as("no orphan passkey")
                .isZero();
    }

    @Test
    void theOptionsStoreNothingAndOnlyTheSameBrowserAndNameFinish() {
        int pendingBefore = pendingRows();
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> options = browser.post("/passkeys/sign-up/options", options("uma", "Uma"));
        for (int i = 0; i < 20; i++) {
            new HttpSession(port).post("/passkeys/sign-up/options", options("visitor" + i, null));
        }
        assertThat(pendingRows()).as("anonymous options write no row").isEqualTo(pendingBefore);
        assertThat(browser.cookie("passkeys-signin")).as("the browser binding").isNotNull();
        String body = finishBody(new SoftwareAuthenticator(), options, browser.origin(), new Tamper());
        Map<String, Object> before = everything();

        HttpSession otherBrowser = new HttpSession(port);
        HttpResponse<String> elsewhere = otherBrowser.post("/passkeys/sign-up", body);
        HttpResponse<String> renamed = browser.post("/passkeys/sign-up", body.replace("\"uma\"", "\"umar\""));

        for (HttpResponse<String> refused : List.of(elsewhere, renamed)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(json(refused).path("reason").asString()).isEqualTo("CHALLENGE_MISMATCH");
        }
        assertThat(everything()).isEqualTo(before);
        HttpResponse<String> created = browser.post("/passkeys/sign-up", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(browser.post("/passkeys/sign-up", body)).path("reason").asString())
                .as("a sign-up finishes once")
                .isEqualTo("CHALLENGE_UNKNOWN");
    }

    private int spentChallenges() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM passkeys_spent_challenge", Integer.class);
    }

    private int pendingRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM passkeys_pending_ceremony", Integer.class);
    }

    @Test
    void aRefusedPasskeyCreatesNoAccountAndWritesNothing() {
        HttpSession browser = new HttpSession(port);
        String body = finishBody(
                new SoftwareAuthenticator(),
                browser.post("/passkeys/sign-up/options", options("sam", null)),
                browser.origin(),
                new Tamper().userVerified(false));
        Map<String, Object> before = everything();
        int spent = spentChallenges();

        HttpResponse<String> refused = browser.post("/passkeys/sign-up", body);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("USER_NOT_VERIFIED");
        assertThat(everything()).isEqualTo(before);
        assertThat(spentChallenges()).as("not even the challenge is used up").isEqualTo(spent);
        assertThat(json(browser.post("/passkeys/sign-up", body)).path("reason").asString())
                .as("the refused response is refused the same way again")
                .isEqualTo("USER_NOT_VERIFIED");
        assertThat(browser.get("/whoami").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void badInputIs4xxWithAProblemInBothVoicesAndWritesNothing() {
        Map<String, Object> before = everything();
        HttpSession browser = new HttpSession(port);
        Map<String, String> refusals = Map.of(
                options("no spaces", null),
                "INVALID_USERNAME",
                options("ab", null),
                "INVALID_USERNAME",
                options("x".repeat(65), null),
                "INVALID_USERNAME",
                "{\"username\": 42}",
                "INVALID_USERNAME",
                "{}",
                "INVALID_USERNAME",
                options("tess", "x".repeat(65)),
                "INVALID_DISPLAY_NAME",
                options("tess", "a\u0007b"),
                "INVALID_DISPLAY_NAME",
                "{\"username\": \"tess\", \"displayName\": []}",
                "INVALID_DISPLAY_NAME",
                "not json",
                "MALFORMED_REQUEST");
        refusals.forEach((body, reason) -> {
            HttpResponse<String> response = browser.post("/passkeys/sign-up/options", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.path("reason").asString()).as(body).isEqualTo(reason);
            assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception");
            assertThat(problem.path("message").asString()).isNotBlank();
        });
        assertThat(json(browser.post("/passkeys/sign-up", "{\"credential\": \"x\"}"))
                        .path("reason")
                        .asString())
                .isEqualTo("MALFORMED_REQUEST");
        JsonNode csrf = browser.csrf();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(browser.url("/passkeys/sign-up")))
                .header("Content-Type", "text/plain")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> large =
                browser.post("/passkeys/sign-up", "{\"credential\": \"" + "x".repeat(17_000) + "\"}");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(json(large).path("reason").asString()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(browser.postWithoutCsrf("/passkeys/sign-up/options", options("tess", null))
                        .statusCode())
                .as("CSRF applies")
                .isEqualTo(403);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void onlyTheSignUpEndpointsAreOpenedTheAppsRulesStayAsTheyWere() {
        HttpSession anonymous = new HttpSession(port);
        assertThat(anonymous.post("/passkeys/registration/options", "{}").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/passkeys/credentials").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/whoami").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/passkeys/sign-up/options").statusCode())
                .as("only POST is answered before the app's rules")
                .isEqualTo(401);
        assertThat(anonymous.post("/passkeys/sign-up/other", "{}").statusCode()).isEqualTo(401);
    }
}
