package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.event.PasskeyDeletedEvent;
import io.github.passkeys4j.spring.event.PasskeyDisabledEvent;
import io.github.passkeys4j.spring.event.PasskeyEnabledEvent;
import io.github.passkeys4j.spring.event.PasskeyRegisteredEvent;
import io.github.passkeys4j.spring.event.PasskeyRenamedEvent;
import io.github.passkeys4j.spring.event.PasskeySignInEvent;
import io.github.passkeys4j.spring.event.PasskeySignInRefusedEvent;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.register;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The management API over real HTTP: ownership (IDOR), CSRF, the last-way-in guard, events and metrics. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:management;DB_CLOSE_DELAY=-1")
class PasskeyManagementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Autowired
    PasskeyRepository passkeyRepository;

    @Autowired
    PasskeyUserRepository passkeyUserRepository;

    @Autowired
    TestApplication.EventLog events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestApplication.DisplayNames displayNames;

    @Test
    void anotherUsersPasskeyIsNotFoundAndUntouched() {
        HttpSession alice = signedIn("alice");
        String aliceKey = register(alice, new SoftwareAuthenticator(), "{\"name\": \"Alice's phone\"}")
                .path("id")
                .asString();
        HttpSession bob = signedIn("bob");

        assertThat(json(alice.get("/passkeys/credentials/" + aliceKey))
                        .path("name")
                        .asString())
                .isEqualTo("Alice's phone");
        HttpResponse<String> get = bob.get("/passkeys/credentials/" + aliceKey);
        HttpResponse<String> patch =
                bob.patch("/passkeys/credentials/" + aliceKey, "{\"name\": \"mine now\", \"enabled\": false}");
        HttpResponse<String> delete = bob.delete("/passkeys/credentials/" + aliceKey);
        HttpResponse<String> missing = bob.delete("/passkeys/credentials/doesNotExist");
        for (HttpResponse<String> response : java.util.List.of(get, patch, delete, missing)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).path("detail").asString()).isEqualTo("There is no such passkey on this account.");
        }
        assertThat(json(bob.get("/passkeys/credentials")).toString()).doesNotContain(aliceKey);
        JsonNode stillAlices = null;
        for (JsonNode passkey : json(alice.get("/passkeys/credentials"))) {
            if (passkey.path("id").asString().equals(aliceKey)) {
                stillAlices = passkey;
            }
        }
        assertThat(stillAlices).isNotNull();
        assertThat(stillAlices.path("name").asString()).isEqualTo("Alice's phone");
        assertThat(stillAlices.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void changesNeedTheCsrfToken() {
        HttpSession alice = signedIn("alice");
        String id =
                register(alice, new SoftwareAuthenticator(), "{}").path("id").asString();
        HttpResponse<String> patch = alice.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(alice.url("/passkeys/credentials/" + id)))
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")));
        HttpResponse<String> delete = alice.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(alice.url("/passkeys/credentials/" + id)))
                        .DELETE());
        assertThat(patch.statusCode()).isEqualTo(403);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(passkeyRepository.findByCredentialId(id))
                .hasValueSatisfying(p -> assertThat(p.name()).isNotEqualTo("x"));
    }

    @Test
    void renameDisableEnableDeleteWithEvents() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession alice = signedIn("alice");
        String id = register(alice, authenticator, "{}").path("id").asString();
        assertThat(events.of(PasskeyRegisteredEvent.class)).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("alice");
            assertThat(e.passkey().id()).isEqualTo(id);
            assertThat(e.passkey().name()).isEqualTo("Google Password Manager");
        });

        JsonNode renamed = json(alice.patch("/passkeys/credentials/" + id, "{\"name\": \"  Desk key  \"}"));
        assertThat(renamed.path("name").asString()).isEqualTo("Desk key");
        assertThat(events.of(PasskeyRenamedEvent.class)).anySatisfy(e -> {
            assertThat(e.passkey().id()).isEqualTo(id);
            assertThat(e.previousName()).isEqualTo("Google Password Manager");
        });

        assertThat(json(alice.patch("/passkeys/credentials/" + id, "{\"enabled\": false}"))
                        .path("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(events.of(PasskeyDisabledEvent.class))
                .anySatisfy(e -> assertThat(e.passkey().id()).isEqualTo(id));
        HttpResponse<String> refused = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("reason").asString()).isEqualTo("PASSKEY_DISABLED");
        assertThat(events.of(PasskeySignInRefusedEvent.class)).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("PASSKEY_DISABLED");
            assertThat(e.credentialId()).isEqualTo(id);
        });

        alice.patch("/passkeys/credentials/" + id, "{\"enabled\": true}");
        assertThat(events.of(PasskeyEnabledEvent.class))
                .anySatisfy(e -> assertThat(e.passkey().id()).isEqualTo(id));
        assertThat(signIn(new HttpSession(port), authenticator, new Tamper()).statusCode())
                .isEqualTo(200);
        assertThat(events.of(PasskeySignInEvent.class)).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("alice");
            assertThat(e.passkey().id()).isEqualTo(id);
            assertThat(e.userVerified()).isTrue();
        });

        assertThat(alice.delete("/passkeys/credentials/" + id).statusCode()).isEqualTo(204);
        assertThat(events.of(PasskeyDeletedEvent.class))
                .anySatisfy(e -> assertThat(e.passkey().name()).isEqualTo("Desk key"));
        HttpResponse<String> gone = signIn(new HttpSession(port), authenticator, new Tamper());
        assertThat(json(gone).path("reason").asString()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(json(gone).path("credentialId").asString()).isEqualTo(id);

        assertThat(meters.get("passkeys.ceremony")
                        .tags("ceremony", "authentication", "outcome", "failure", "reason", "PASSKEY_DISABLED")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("passkeys.ceremony")
                        .tags("ceremony", "registration", "outcome", "success")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCredentialTheAccountAlreadyHasIsRefused() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        HttpSession bob = signedIn("bob");
        String id = register(bob, authenticator, "{}").path("id").asString();
        int before = json(bob.get("/passkeys/credentials")).size();

        HttpResponse<String> options = bob.post("/passkeys/registration/options", "{}");
        assertThat(options.body()).contains("\"excludeCredentials\"", id);
        // A second device presenting a credential id that is already stored (the server-side check).
        String copy = new SoftwareAuthenticator()
                .register(
                        SoftwareAuthenticator.creationOptions(options.body()),
                        bob.origin(),
                        new Tamper().credentialId(id));
        HttpResponse<String> refused = bob.post("/passkeys/registration", "{\"credential\": " + copy + "}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("reason").asString()).isEqualTo("CREDENTIAL_ALREADY_REGISTERED");
        assertThat(json(bob.get("/passkeys/credentials")).size()).isEqualTo(before);
    }

    @Test
    void badPatchBodiesAreRefused() {
        HttpSession alice = signedIn("alice");
        String id =
                register(alice, new SoftwareAuthenticator(), "{}").path("id").asString();
        for (String body : new String[] {"{}", "{\"enabled\": \"no\"}", "{\"name\": 5}", "[]"}) {
            assertThat(alice.patch("/passkeys/credentials/" + id, body).statusCode())
                    .as(body)
                    .isEqualTo(400);
        }
        HttpResponse<String> blank = alice.patch("/passkeys/credentials/" + id, "{\"name\": \"   \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).path("reason").asString()).isEqualTo("INVALID_NAME");
    }

    @Test
    void lastWayIntoAnAccountWithoutPasswordCannotBeRemoved() {
        // dave has no password: his passkey is his only way in.
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String origin = "http://localhost:" + port;
        String created =
                authenticator.register(relyingParty.startRegistration(StartRegistration.forUser("dave")), origin);
        String id = relyingParty
                .finishRegistration(FinishRegistration.of("dave", created))
                .credentialId();
        HttpSession dave = new HttpSession(port);
        assertThat(signIn(dave, authenticator, new Tamper()).statusCode()).isEqualTo(200);

        for (HttpResponse<String> refused : java.util.List.of(
                dave.delete("/passkeys/credentials/" + id),
                dave.patch("/passkeys/credentials/" + id, "{\"enabled\": false}"))) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).path("reason").asString()).isEqualTo("LAST_SIGN_IN_METHOD");
            assertThat(json(refused).path("detail").asString()).contains("last way to sign in");
        }
        assertThat(passkeyRepository.findByCredentialId(id))
                .hasValueSatisfying(p -> assertThat(p.enabled()).isTrue());

        // With a second passkey, the first one may go.
        SoftwareAuthenticator secondDevice = new SoftwareAuthenticator();
        register(dave, secondDevice, "{}");
        assertThat(dave.delete("/passkeys/credentials/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void aChangedDisplayNameReachesTheOptionsTheStoreAndTheSignals() {
        HttpSession bob = signedIn("bob");
        displayNames.set("bob", "Bob Example");
        HttpResponse<String> options = bob.post("/passkeys/registration/options", "{}");
        assertThat(json(options).path("user").path("displayName").asString()).isEqualTo("Bob Example");
        assertThat(json(options).path("user").path("name").asString()).isEqualTo("bob");
        register(bob, new SoftwareAuthenticator(), "{}");

        displayNames.set("bob", "Robert Example");
        JsonNode signals = json(bob.get("/passkeys/signals"));
        assertThat(signals.path("displayName").asString()).isEqualTo("Robert Example");
        assertThat(passkeyUserRepository.findByAccountId("bob"))
                .hasValueSatisfying(user -> assertThat(user.displayName()).isEqualTo("Robert Example"));
        displayNames.set("bob", "bob");
    }

    @Test
    void signalsListTheAcceptedCredentials() {
        HttpSession bob = signedIn("bob");
        String id = register(bob, new SoftwareAuthenticator(), "{}").path("id").asString();
        JsonNode signals = json(bob.get("/passkeys/signals"));
        assertThat(signals.path("rpId").asString()).isEqualTo("localhost");
        assertThat(signals.path("userId").asString()).as("64 bytes, base64url").hasSize(86);
        assertThat(signals.path("name").asString()).isEqualTo("bob");
        assertThat(signals.path("allAcceptedCredentialIds").toString()).contains(id);
        assertThat(new HttpSession(port).get("/passkeys/signals").statusCode()).isEqualTo(401);
    }

    private HttpSession signedIn(String username) {
        HttpSession session = new HttpSession(port);
        assertThat(session.signInWithPassword(username, username + "-password").statusCode())
                .isEqualTo(302);
        return session;
    }
}
