package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole path over real HTTP: password sign-in, add a passkey, sign in with it; the app wrote no passkey DSL. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:endpoints;DB_CLOSE_DELAY=-1")
class PasskeyEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Test
    void passwordUserAddsPasskeyAndSignsInWithItAlone() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = new HttpSession(port);
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);

        JsonNode created = register(alice, authenticator, "{\"name\": \"Work laptop\"}");
        assertThat(created.path("name").asString()).isEqualTo("Work laptop");
        assertThat(created.path("provider").path("name").asString()).isEqualTo("Google Password Manager");
        assertThat(created.path("synced").asBoolean()).isTrue();
        assertThat(created.has("publicKey")).isFalse();
        assertThat(created.has("userHandle")).isFalse();

        JsonNode list = json(alice.get("/passkeys/credentials"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asString())
                .isEqualTo(created.path("id").asString());

        HttpSession browser = new HttpSession(port);
        browser.csrf();
        String sessionBefore = browser.sessionId();
        HttpResponse<String> signIn = signIn(browser, authenticator, new Tamper());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(json(signIn).path("redirectUrl").asString()).isEqualTo("/");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(sessionBefore);

        JsonNode who = json(browser.get("/whoami"));
        assertThat(who.path("name").asString()).isEqualTo("alice");
        assertThat(who.path("type").asString()).isEqualTo("PasskeyAuthenticationToken");
        assertThat(who.path("authorities").toString()).contains("FACTOR_WEBAUTHN", "ROLE_USER");
        // Later requests carry the sign-in without the stored passkey object, as from any session store.
        assertThat(who.path("credentialId").asString())
                .isEqualTo(created.path("id").asString());
        assertThat(who.path("passkeyKept").asBoolean(true)).isFalse();

        JsonNode afterUse = json(browser.get("/passkeys/credentials")).get(0);
        assertThat(afterUse.path("current").asBoolean()).isTrue();
        assertThat(afterUse.path("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void refusedSignInAnswersProblemNamingTheCheckAndSignsNobodyIn() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession bob = new HttpSession(port);
        bob.signInWithPassword("bob", "bob-password");
        register(bob, authenticator, "{}");

        HttpSession browser = new HttpSession(port);
        HttpResponse<String> refused = signIn(browser, authenticator, new Tamper().corruptSignature());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.path("reason").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(problem.path("detail").asString()).contains("signature");
        assertThat(refused.body()).doesNotContain("Exception", "at io.github.passkeys4j", "trace");
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(302);

        HttpResponse<String> unknown =
                signIn(browser, authenticator, new Tamper().credentialId("AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(json(unknown).path("credentialId").asString()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void disabledAccountCannotSignInWithItsPasskey() {
        // carol's account is disabled in the app's UserDetailsService: her passkey verifies, the account check refuses.
        assertThat(refusedAccountsPasskey("carol").path("reason").asString()).isEqualTo("ACCOUNT_UNAVAILABLE");
    }

    @Test
    void anExpiredPasswordIsNamedAsTheCauseToThePasskeyHolder() {
        // olga's password has expired: her passkey verifies, and she is told what to do rather than "contact support".
        JsonNode problem = refusedAccountsPasskey("olga");
        assertThat(problem.path("reason").asString()).isEqualTo("PASSWORD_EXPIRED");
        assertThat(problem.path("message").asString()).contains("password has expired");
    }

    /** The problem of a sign-in with {@code username}'s own passkey, which the account checks refuse: nobody signed in. */
    private JsonNode refusedAccountsPasskey(String username) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String origin = "http://localhost:" + port;
        String created =
                authenticator.register(relyingParty.startRegistration(StartRegistration.forUser(username)), origin);
        relyingParty.finishRegistration(FinishRegistration.of(username, created));

        HttpSession browser = new HttpSession(port);
        HttpResponse<String> refused = signIn(browser, authenticator, new Tamper());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(browser.get("/whoami").statusCode()).isEqualTo(302);
        return json(refused);
    }

    @Test
    void everyCeremonyPostNeedsTheCsrfToken() {
        HttpSession browser = new HttpSession(port);
        browser.csrf();
        assertThat(browser.postWithoutCsrf("/passkeys/authentication/options", "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.postWithoutCsrf("/passkeys/authentication", "{}").statusCode())
                .isEqualTo(403);
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        assertThat(alice.postWithoutCsrf("/passkeys/registration/options", "{}").statusCode())
                .isEqualTo(403);
        assertThat(alice.postWithoutCsrf("/passkeys/registration", "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void signedOutCallsGetProblemOrLoginRedirect() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> options = browser.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(401);
        assertThat(json(options).path("detail").asString()).startsWith("Not signed in");
        assertThat(browser.get("/passkeys/credentials").statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/passkeys/manage");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> script = browser.get("/passkeys/passkeys.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(script.body()).contains("parseRequestOptionsFromJSON");
    }

    @Test
    void managePageCarriesTheCsrfTokenEscaped() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> page = alice.get("/passkeys/manage");
        assertThat(page.statusCode()).isEqualTo(200);
        String token = alice.csrf().path("token").asString();
        assertThat(page.body())
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
                .contains("<meta name=\"_csrf\" content=\"")
                .doesNotContain("{{");
        assertThat(token).isNotBlank();
    }

    @Test
    void badBodiesGetClearErrors() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> notJson = alice.post("/passkeys/registration", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("detail").asString()).contains("not valid JSON");
        // A body of the wrong shape is the request's fault, not the device's: MALFORMED_REQUEST, saying what it must
        // be.
        HttpResponse<String> noCredential = alice.post("/passkeys/registration", "{\"name\": \"x\"}");
        assertThat(noCredential.statusCode()).isEqualTo(400);
        assertThat(json(noCredential).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(noCredential).path("detail").asString()).contains("\"credential\"");
        for (String patch : new String[] {"{}", "{\"enabled\": \"yes\"}", "{\"name\": 5}", "[]"}) {
            HttpResponse<String> badPatch = alice.patch("/passkeys/credentials/any-id", patch);
            assertThat(badPatch.statusCode()).as(patch).isEqualTo(400);
            assertThat(json(badPatch).path("reason").asString()).as(patch).isEqualTo("MALFORMED_REQUEST");
            assertThat(json(badPatch).path("detail").asString()).as(patch).contains("\"enabled\"");
        }

        HttpSession browser = new HttpSession(port);
        HttpResponse<String> garbage = browser.post("/passkeys/authentication", "[1,2,3]");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).path("reason").asString()).isEqualTo("MALFORMED_RESPONSE");
    }

    static JsonNode register(HttpSession session, SoftwareAuthenticator authenticator, String extraJson) {
        HttpResponse<String> options = session.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), session.origin());
        JsonNode extra = HttpSession.JSON.readTree(extraJson);
        String body =
                "{\"credential\": " + credential + (extra.has("name") ? ", \"name\": " + extra.get("name") : "") + "}";
        HttpResponse<String> created = session.post("/passkeys/registration", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    static HttpResponse<String> signIn(HttpSession session, SoftwareAuthenticator authenticator, Tamper tamper) {
        HttpResponse<String> options = session.post("/passkeys/authentication/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        String assertion = authenticator.authenticate(
                SoftwareAuthenticator.requestOptions(options.body()), session.origin(), tamper);
        return session.post("/passkeys/authentication", assertion);
    }
}
