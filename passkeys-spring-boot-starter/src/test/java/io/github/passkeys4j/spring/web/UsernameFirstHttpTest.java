package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Username-first sign-in with a security key over real HTTP: added as a security key, listed with its transports for
 * its username, signed in without a userHandle; other usernames get options of the same shape, the same each time.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:usernamefirst;DB_CLOSE_DELAY=-1")
class UsernameFirstHttpTest {

    @LocalServerPort
    int port;

    private String addSecurityKey(String username, SoftwareAuthenticator key) {
        HttpSession session = new HttpSession(port);
        session.signInWithPassword(username, username + "-password");
        HttpResponse<String> options = session.post("/passkeys/registration/options", "{\"kind\": \"security-key\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode selection = json(options).path("authenticatorSelection");
        assertThat(selection.path("residentKey").asString()).isEqualTo("discouraged");
        assertThat(selection.path("authenticatorAttachment").asString()).isEqualTo("cross-platform");
        assertThat(json(options).path("hints").toString()).isEqualTo("[\"security-key\"]");
        String credential = key.register(
                SoftwareAuthenticator.creationOptions(options.body()),
                session.origin(),
                new Tamper().transports("usb"));
        HttpResponse<String> created =
                session.post("/passkeys/registration", "{\"credential\": " + credential + ", \"name\": \"Blue key\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private static HttpResponse<String> optionsFor(HttpSession browser, String username) {
        return browser.post("/passkeys/authentication/options", "{\"username\": \"" + username + "\"}");
    }

    /** Member names of the options and of their allowCredentials entries, and each entry's transports. */
    private static List<String> shape(JsonNode options) {
        List<String> shape = new ArrayList<>(options.propertyNames());
        for (JsonNode credential : options.path("allowCredentials")) {
            shape.add(String.join(",", credential.propertyNames()));
        }
        return shape;
    }

    @Test
    void aSecurityKeySignsInUsernameFirstWithoutAUserHandle() {
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        String id = addSecurityKey("alice", key);
        HttpSession browser = new HttpSession(port);

        HttpResponse<String> options = optionsFor(browser, "alice");
        // Other tests of this class may have added keys for alice too: this one is among them, as it was made.
        List<String> listed = new ArrayList<>();
        json(options)
                .path("allowCredentials")
                .forEach(c -> listed.add(c.path("id").asString() + " " + c.path("transports")));
        assertThat(listed).contains(id + " [\"usb\"]");
        String assertion = key.authenticate(
                SoftwareAuthenticator.requestOptions(options.body()), browser.origin(), new Tamper().omitUserHandle());
        HttpResponse<String> signedIn = browser.post("/passkeys/authentication", assertion);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(browser.get("/whoami").body()).contains("alice");
    }

    @Test
    void unknownAndPasskeylessUsernamesGetTheSameShapeTheSameEachTime() {
        addSecurityKey("bob", new SoftwareAuthenticator());
        HttpSession browser = new HttpSession(port);
        JsonNode known = json(optionsFor(browser, "bob"));
        JsonNode unknown = json(optionsFor(browser, "zed"));
        JsonNode passkeyless = json(optionsFor(browser, "carol"));

        assertThat(shape(unknown.deepCopy()).subList(0, known.propertyNames().size()))
                .isEqualTo(List.copyOf(known.propertyNames()));
        assertThat(unknown.path("allowCredentials").get(0).propertyNames())
                .isEqualTo(known.path("allowCredentials").get(0).propertyNames());
        assertThat(passkeyless.path("allowCredentials")).isNotEmpty();
        // Stable: the same stand-ins for the same username, in another browser too.
        assertThat(json(optionsFor(new HttpSession(port), "zed")).path("allowCredentials"))
                .isEqualTo(unknown.path("allowCredentials"));
        assertThat(json(optionsFor(browser, "carol")).path("allowCredentials"))
                .isEqualTo(passkeyless.path("allowCredentials"));
        assertThat(unknown.path("challenge").asString())
                .hasSameSizeAs(known.path("challenge").asString());
    }

    @Test
    void anotherAccountsKeyCannotFinishAUsernameFirstSignIn() {
        SoftwareAuthenticator davesKey = new SoftwareAuthenticator();
        addSecurityKey("alice", new SoftwareAuthenticator());
        String bobsKeyId = addSecurityKey("bob", davesKey);
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> forAlice = optionsFor(browser, "alice");

        String assertion = davesKey.authenticate(
                SoftwareAuthenticator.requestOptions(forAlice.body()),
                browser.origin(),
                new Tamper().useCredential(bobsKeyId).omitUserHandle());
        HttpResponse<String> refused = browser.post("/passkeys/authentication", assertion);

        assertThat(refused.statusCode()).isEqualTo(401);
        // Answered as an unknown passkey: see theAnswerDoesNotTellWhetherACredentialIdIsReal.
        assertThat(json(refused).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(browser.get("/whoami").statusCode()).isNotEqualTo(200);
    }

    /**
     * A username-first answer lists an account's credential IDs among stand-ins; a username-less sign-in with a forged
     * assertion under each must not tell them apart (the review's oracle: USER_HANDLE_MISMATCH against
     * UNKNOWN_CREDENTIAL), with or without a userHandle.
     */
    @Test
    void theAnswerDoesNotTellWhetherACredentialIdIsReal() {
        addSecurityKey("alice", new SoftwareAuthenticator());
        SoftwareAuthenticator attackersKey = new SoftwareAuthenticator();
        addSecurityKey("bob", attackersKey);
        HttpSession attacker = new HttpSession(port);
        String real = json(optionsFor(attacker, "alice"))
                .path("allowCredentials")
                .get(0)
                .path("id")
                .asString();
        String standIn = json(optionsFor(attacker, "nobody-here"))
                .path("allowCredentials")
                .get(0)
                .path("id")
                .asString();

        List<JsonNode> answers = new ArrayList<>();
        for (String id : List.of(real, standIn)) {
            HttpResponse<String> options = attacker.post("/passkeys/authentication/options", "{}");
            for (Tamper tamper : List.of(new Tamper(), new Tamper().omitUserHandle())) {
                String forged = attackersKey.authenticate(
                        SoftwareAuthenticator.requestOptions(options.body()),
                        attacker.origin(),
                        tamper.credentialId(id));
                HttpResponse<String> answer = attacker.post("/passkeys/authentication", forged);
                assertThat(answer.statusCode()).isEqualTo(401);
                ObjectNode problem = (ObjectNode) json(answer);
                problem.remove("credentialId");
                answers.add(problem);
            }
        }
        assertThat(answers.get(0)).isEqualTo(answers.get(2));
        assertThat(answers.get(1)).isEqualTo(answers.get(3));
        assertThat(answers.get(0).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
    }

    @Test
    void badBodiesAreProblemsAndAnEmptyObjectIsUsernameLess() {
        HttpSession browser = new HttpSession(port);
        for (String body : List.of(
                "{\"username\": \"\"}",
                "{\"username\": \"   \"}",
                "{\"username\": 5}",
                "{\"username\": \"" + "x".repeat(257) + "\"}",
                "[1]",
                "not json")) {
            HttpResponse<String> refused = browser.post("/passkeys/authentication/options", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(json(refused).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
            assertThat(json(refused).path("message").asString()).isNotBlank();
        }
        HttpResponse<String> usernameLess = browser.post("/passkeys/authentication/options", "{}");
        assertThat(usernameLess.statusCode()).isEqualTo(200);
        assertThat(json(usernameLess).has("allowCredentials")).isFalse();
    }

    @Test
    void anUnknownKindOfAuthenticatorIsAProblem() {
        HttpSession session = new HttpSession(port);
        session.signInWithPassword("alice", "alice-password");

        HttpResponse<String> refused = session.post("/passkeys/registration/options", "{\"kind\": \"watch\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("detail").asString()).contains("security-key");
    }
}
