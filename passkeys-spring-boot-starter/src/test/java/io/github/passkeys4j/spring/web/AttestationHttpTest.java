package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.Attestation;
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

/**
 * Over real HTTP on JDBC storage (H2): the options ask for the attestation and offer the algorithms of
 * {@code passkeys.registration.*}; a statement whose signature does not verify is a 400 problem with reason
 * {@code ATTESTATION_INVALID} in the user's language, and stores nothing; RS1 works because the app listed it.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:attestation;DB_CLOSE_DELAY=-1",
            "passkeys.registration.attestation=direct",
            "passkeys.registration.algorithms=es256,rs1"
        })
class AttestationHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    RelyingParty relyingParty;

    private HttpSession bob(String language) {
        return signedIn("bob", language);
    }

    private HttpSession signedIn(String username, String language) {
        HttpSession session = new HttpSession(port).language(language);
        assertThat(session.signInWithPassword(username, username + "-password").statusCode())
                .isEqualTo(302);
        return session;
    }

    @Test
    void theOptionsAskForTheConfiguredAttestationAndAlgorithms() {
        JsonNode options = json(bob("en").post("/passkeys/registration/options", "{}"));

        assertThat(options.path("attestation").asString()).isEqualTo("direct");
        assertThat(options.path("pubKeyCredParams")
                        .valueStream()
                        .map(p -> p.path("alg").asLong()))
                .containsExactly(-7L, -65535L);
    }

    @Test
    void aForgedStatementIsA400InTheUsersLanguageAndStoresNothing() {
        for (String language : new String[] {"en", "de"}) {
            HttpSession bob = bob(language);
            String options = bob.post("/passkeys/registration/options", "{}").body();
            String forged = new SoftwareAuthenticator()
                    .withAttestation(Attestation.packedSelf())
                    .register(
                            SoftwareAuthenticator.creationOptions(options),
                            bob.origin(),
                            new Tamper().corruptSignature());

            HttpResponse<String> refused = bob.post("/passkeys/registration", "{\"credential\": " + forged + "}");

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = json(refused);
            assertThat(problem.path("reason").asString()).isEqualTo("ATTESTATION_INVALID");
            assertThat(problem.path("message").asString())
                    .startsWith(language.equals("de") ? "Die Antwort Ihres Geräts" : "Your device's answer");
            assertThat(problem.path("detail").asString()).contains("attestation statement");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at com.webauthn4j");
            assertThat(relyingParty.management().list("bob")).isEmpty();
        }
    }

    @Test
    void anRs1PasskeyRegistersWhenTheAppListsIt() {
        HttpSession alice = signedIn("alice", "en");
        String options = alice.post("/passkeys/registration/options", "{}").body();
        String created = new SoftwareAuthenticator()
                .withAlgorithms(-65535)
                .withAttestation(Attestation.packedSelf())
                .register(SoftwareAuthenticator.creationOptions(options), alice.origin());

        HttpResponse<String> accepted = alice.post("/passkeys/registration", "{\"credential\": " + created + "}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(relyingParty.management().list("alice"))
                .singleElement()
                .satisfies(p -> assertThat(p.attestationFormat()).isEqualTo("packed"));
        // No trusted roots configured: a statement that verifies is still not called trusted.
        JsonNode listed = json(alice.get("/passkeys/credentials"));
        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.path("attestationTrusted").isBoolean()).isTrue();
            assertThat(p.path("attestationTrusted").asBoolean()).isFalse();
        });
    }
}
