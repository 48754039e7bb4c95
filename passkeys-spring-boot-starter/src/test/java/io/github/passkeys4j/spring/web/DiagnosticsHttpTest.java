package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer diagnostics page over real HTTP (issue 9): off by default (404); on, a page with the settings in
 * effect under the app's own rules, and a test of both ceremonies that writes nothing to the app's tables and signs
 * nobody in; its refusals are problem bodies.
 */
class DiagnosticsHttpTest {

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.datasource.url=jdbc:h2:mem:diagnostics-off;DB_CLOSE_DELAY=-1")
    class OffByDefault {

        @LocalServerPort
        int port;

        @Test
        void everyDiagnosticsPathIsNotFound() {
            HttpSession alice = new HttpSession(port);
            alice.signInWithPassword("alice", "alice-password");
            assertThat(alice.get("/passkeys/diagnostics").statusCode()).isEqualTo(404);
            assertThat(alice.get("/passkeys/diagnostics/passkeys-diagnostics.js")
                            .statusCode())
                    .isEqualTo(404);
            HttpResponse<String> options = alice.post("/passkeys/diagnostics/registration/options", "{}");
            assertThat(options.statusCode()).isEqualTo(404);
            assertThat(json(options).path("status").asInt()).isEqualTo(404);
            assertThat(alice.get("/passkeys/passkeys-diagnostics.js").statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:diagnostics-on;DB_CLOSE_DELAY=-1",
                "passkeys.diagnostics.enabled=true"
            })
    class On {

        @LocalServerPort
        int port;

        @Autowired
        PasskeyRepository passkeys;

        @Autowired
        PasskeyUserRepository users;

        HttpSession alice;

        @BeforeEach
        void signIn() {
            alice = new HttpSession(port);
            alice.signInWithPassword("alice", "alice-password");
        }

        @Test
        void thePageShowsTheSettingsUnderTheAppsRules() {
            HttpResponse<String> page = alice.get("/passkeys/diagnostics");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body())
                    .contains("<dt>Relying party ID</dt><dd>localhost <code>passkeys.rp-id</code></dd>")
                    .contains("<dt>Allowed origins</dt><dd>http://localhost:*, https://localhost:*")
                    .contains("<dt>User verification</dt><dd>required")
                    .contains("<dt>Time to finish a ceremony</dt><dd>5 minutes")
                    .contains("<dt>Storage</dt><dd>JDBC (H2)")
                    .contains("data-origins=\"[&quot;http://localhost:*&quot;,&quot;https://localhost:*&quot;]\"")
                    .contains("src=\"/passkeys/diagnostics/passkeys-diagnostics.js?v=")
                    .doesNotContain("{{", "jdbc:h2", "alice-password");
            assertThat(alice.get("/passkeys/diagnostics/passkeys-diagnostics.js")
                            .body())
                    .contains("getClientCapabilities");

            HttpSession signedOut = new HttpSession(port);
            HttpResponse<String> toLogin = signedOut.get("/passkeys/diagnostics");
            assertThat(toLogin.statusCode()).as("the app's rule: sign in first").isEqualTo(302);
            assertThat(toLogin.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            HttpResponse<String> options = signedOut.post("/passkeys/diagnostics/registration/options", "{}");
            assertThat(options.statusCode()).isEqualTo(401);
            assertThat(json(options).path("reason").asString()).isEqualTo("SIGN_IN_REQUIRED");
        }

        @Test
        void thePageItsScriptsTextsAndAStaleRunSpeakTheRequestsLanguage() {
            alice.language("de-DE,de;q=0.9");
            String page = alice.get("/passkeys/diagnostics").body();
            assertThat(page)
                    .contains("<html lang=\"de\">", "<h1>Passkey-Diagnose</h1>", "Geltende Einstellungen")
                    .contains("<dt>Relying-Party-ID</dt><dd>localhost <code>passkeys.rp-id</code></dd>")
                    .contains("<dt>Zeit für eine Zeremonie</dt><dd>5 Minuten")
                    .contains("<dt>User Handle der Antwort muss passen</dt><dd>ja")
                    .contains("<button type=\"button\" id=\"diag-run\">Test starten</button>")
                    .doesNotContain("{{", "Settings in effect", "Run the test");
            Matcher texts = Pattern.compile(
                            "<script type=\"application/json\" data-passkeys-diagnostics-texts>([^<]*)" + "</script>")
                    .matcher(page);
            assertThat(texts.find()).as("the script's texts in the page").isTrue();
            JsonNode words = HttpSession.JSON.readTree(texts.group(1));
            assertThat(words.path("step.create").asString()).isEqualTo("Einen Test-Passkey im Browser erstellen");
            assertThat(words.path("verdict.ok").asString()).contains("{origin}", "{rpId}");

            HttpResponse<String> stale =
                    alice.post("/passkeys/diagnostics/authentication/options", "{\"run\": \"diagnostics-gone\"}");
            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(json(stale).path("reason").asString()).isEqualTo("CHALLENGE_UNKNOWN");
            assertThat(json(stale).path("detail").asString())
                    .startsWith("Dieser Diagnosetest ist beendet oder unbekannt");

            alice.language("en");
            assertThat(alice.get("/passkeys/diagnostics").body())
                    .contains("<html lang=\"en\">", "<dt>Response&#39;s user handle must match</dt><dd>yes");
        }

        @Test
        void theTestRunsBothCeremoniesStoresNothingAndSignsNobodyIn() {
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

            JsonNode start = json(alice.post("/passkeys/diagnostics/registration/options", "{}"));
            String run = start.path("run").asString();
            assertThat(start.path("options").path("user").path("name").asString())
                    .isEqualTo("passkeys-diagnostics-test");
            String created = authenticator.register(
                    SoftwareAuthenticator.creationOptions(start.path("options").toString()), alice.origin());
            HttpResponse<String> registered = alice.post(
                    "/passkeys/diagnostics/registration",
                    "{\"run\": \"" + run + "\", \"credential\": " + created + "}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            assertThat(json(registered).path("provider").asString()).isEqualTo("Google Password Manager");
            assertThat(json(registered).path("userVerified").asBoolean()).isTrue();

            HttpResponse<String> options =
                    alice.post("/passkeys/diagnostics/authentication/options", "{\"run\": \"" + run + "\"}");
            assertThat(options.statusCode()).isEqualTo(200);
            String assertion = authenticator.authenticate(
                    SoftwareAuthenticator.requestOptions(options.body()), alice.origin(), new Tamper());
            HttpResponse<String> verified = alice.post(
                    "/passkeys/diagnostics/authentication",
                    "{\"run\": \"" + run + "\", \"credential\": " + assertion + "}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(json(verified).path("signedIn").asBoolean()).isFalse();

            String credentialId = json(registered).path("credentialId").asString();
            assertThat(passkeys.findByCredentialId(credentialId))
                    .as("in the app's storage")
                    .isEmpty();
            assertThat(users.findByAccountId(run)).isEmpty();
            assertThat(json(alice.get("/whoami")).path("type").asString())
                    .as("still the password sign-in")
                    .isEqualTo("UsernamePasswordAuthenticationToken");
            assertThat(json(alice.get("/passkeys/credentials"))).isEmpty();
            HttpResponse<String> again =
                    alice.post("/passkeys/diagnostics/authentication/options", "{\"run\": \"" + run + "\"}");
            assertThat(json(again).path("reason").asString())
                    .as("the run is over")
                    .isEqualTo("CHALLENGE_UNKNOWN");
        }

        @Test
        void refusalsAreProblemsThatNameTheCheck() {
            JsonNode start = json(alice.post("/passkeys/diagnostics/registration/options", "{}"));
            String fromElsewhere = new SoftwareAuthenticator()
                    .register(
                            SoftwareAuthenticator.creationOptions(
                                    start.path("options").toString()),
                            "https://evil.example");
            HttpResponse<String> refused = alice.post(
                    "/passkeys/diagnostics/registration",
                    "{\"run\": \"" + start.path("run").asString() + "\", \"credential\": " + fromElsewhere + "}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).path("reason").asString()).isEqualTo("ORIGIN_NOT_ALLOWED");
            assertThat(refused.body()).doesNotContain("Exception", "at io.github");

            HttpResponse<String> malformed = alice.post("/passkeys/diagnostics/registration", "{\"credential\": {}}");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(json(malformed).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
            assertThat(alice.post("/passkeys/diagnostics/registration", "{not json")
                            .statusCode())
                    .isEqualTo(400);
        }

        @Test
        void atMostTwentyRunsAtOnce() {
            for (int i = 0; i < 20; i++) {
                alice.post("/passkeys/diagnostics/registration/options", "{}");
            }
            HttpResponse<String> busy = alice.post("/passkeys/diagnostics/registration/options", "{}");
            assertThat(busy.statusCode()).isEqualTo(429);
            assertThat(json(busy).path("detail").asString()).contains("try again in a few minutes");
            assertThat(json(busy).path("reason").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(json(busy).path("message").asString())
                    .isEqualTo("Too many tries at once. Wait a moment and try again.");
        }
    }
}
