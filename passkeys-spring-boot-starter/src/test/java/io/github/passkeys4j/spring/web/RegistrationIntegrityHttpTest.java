package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused request writes nothing, over real HTTP on JDBC storage (H2): first registrations racing, a registration
 * refused inside its transaction, a PATCH refused in part, and the app's snake_case Jackson settings.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:integrity;DB_CLOSE_DELAY=-1",
            "spring.jackson.property-naming-strategy=SNAKE_CASE"
        })
class RegistrationIntegrityHttpTest {

    private static final int RACERS = 6;

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    @Autowired
    PasskeyRepository passkeyRepository;

    @Test
    void firstRegistrationsRacingMakeOneAccountAndTheLosersChallengesAreUsedUp() throws Exception {
        // bob is one of the app's users from before it had passkeys: nothing of his is stored yet.
        List<HttpSession> sessions = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpSession session = new HttpSession(port);
            assertThat(session.signInWithPassword("bob", "bob-password").statusCode())
                    .isEqualTo(302);
            String options =
                    session.post("/passkeys/registration/options", "{}").body();
            sessions.add(session);
            bodies.add("{\"credential\": "
                    + new SoftwareAuthenticator()
                            .register(SoftwareAuthenticator.creationOptions(options), session.origin())
                    + "}");
        }
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpSession session = sessions.get(i);
            String body = bodies.get(i);
            Callable<HttpResponse<String>> finish = () -> {
                start.await();
                return session.post("/passkeys/registration", body);
            };
            results.add(pool.submit(finish));
        }
        List<Integer> statuses = new ArrayList<>();
        List<Integer> refusedIndexes = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpResponse<String> response = results.get(i).get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                refusedIndexes.add(i);
                assertThat(json(response).path("reason").asString()).isEqualTo("CHALLENGE_MISMATCH");
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        String handle = relyingParty.management().account("bob").orElseThrow().userHandle();
        assertThat(relyingParty.management().list("bob"))
                .hasSize(1)
                .allSatisfy(p -> assertThat(p.userHandle()).isEqualTo(handle));
        // The database rolled the losers back; their challenges stay used all the same.
        int loser = refusedIndexes.get(0);
        HttpResponse<String> replay = sessions.get(loser).post("/passkeys/registration", bodies.get(loser));
        assertThat(json(replay).path("reason").asString()).isEqualTo("CHALLENGE_UNKNOWN");
        assertThat(relyingParty.management().list("bob")).hasSize(1);
    }

    @Test
    void aPatchRefusedInPartChangesNothing() {
        // dave has no password: his one passkey is his last way in.
        SoftwareAuthenticator davesPhone = new SoftwareAuthenticator();
        String created = davesPhone.register(
                relyingParty.startRegistration(StartRegistration.forUser("dave")), "http://localhost:" + port);
        Passkey passkey = relyingParty.finishRegistration(
                FinishRegistration.of("dave", created).withName("Phone"));
        HttpSession dave = new HttpSession(port);
        assertThat(signIn(dave, davesPhone, new Tamper()).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = dave.patch(
                "/passkeys/credentials/" + passkey.credentialId(), "{\"name\": \"Renamed\", \"enabled\": false}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("reason").asString()).isEqualTo("LAST_SIGN_IN_METHOD");
        Passkey after =
                passkeyRepository.findByCredentialId(passkey.credentialId()).orElseThrow();
        assertThat(after.name()).isEqualTo("Phone");
        assertThat(after.enabled()).isTrue();
    }

    @Test
    void theAppsSnakeCaseJacksonSettingsLeaveOurWireFormatAlone() {
        HttpSession alice = new HttpSession(port);
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);

        JsonNode options = json(alice.post("/passkeys/registration/options", "{}"));
        assertThat(options.has("pubKeyCredParams")).isTrue();
        assertThat(options.has("authenticatorSelection")).isTrue();
        assertThat(options.path("rp").path("id").asString()).isEqualTo("localhost");
        assertThat(options.toString()).doesNotContain("pub_key_cred_params", "rp_id", "authenticator_selection");
        assertThat(json(alice.post("/passkeys/authentication/options", "{}")).has("rpId"))
                .isTrue();

        String credential = new SoftwareAuthenticator()
                .register(SoftwareAuthenticator.creationOptions(options.toString()), alice.origin());
        JsonNode created = json(alice.post("/passkeys/registration", "{\"credential\": " + credential + "}"));
        assertThat(created.has("createdAt")).isTrue();
        assertThat(created.has("backupEligible")).isTrue();
        JsonNode listed = json(alice.get("/passkeys/credentials")).get(0);
        assertThat(listed.has("lastUsedAt") || listed.has("createdAt")).isTrue();
        assertThat(listed.toString()).doesNotContain("created_at", "backup_eligible");
        assertThat(json(alice.get("/passkeys/signals")).has("allAcceptedCredentialIds"))
                .isTrue();
    }
}
