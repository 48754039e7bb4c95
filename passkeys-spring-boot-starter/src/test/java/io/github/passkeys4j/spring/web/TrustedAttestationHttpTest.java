package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP with {@code passkeys.registration.trusted-roots} naming a PEM root this test makes: a passkey whose
 * packed statement chains to it is listed by {@code GET /passkeys/credentials} with {@code attestationTrusted: true}
 * (which the passkeys page turns into a line of text).
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:trusted-attestation;DB_CLOSE_DELAY=-1")
class TrustedAttestationHttpTest {

    private static final TestCertificateAuthority CA = new TestCertificateAuthority("Passkeys HTTP Test Root");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustedRoots(DynamicPropertyRegistry registry) throws IOException {
        Path pem = CA.rootPem(Path.of(System.getProperty("java.io.tmpdir")));
        pem.toFile().deleteOnExit();
        registry.add("passkeys.registration.trusted-roots", () -> pem.toUri().toString());
    }

    @Test
    void aPasskeyWhoseStatementChainsToTheRootIsListedAsTrusted() {
        HttpSession bob = new HttpSession(port).language("en");
        assertThat(bob.signInWithPassword("bob", "bob-password").statusCode()).isEqualTo(302);
        String options = bob.post("/passkeys/registration/options", "{}").body();
        TestCertificateAuthority.Issued attestation = CA.issue("Test Authenticator");
        String created = new SoftwareAuthenticator()
                .withAttestation(
                        Attestation.packed(attestation.key().getPrivate(), -7, List.of(attestation.certificate())))
                .register(SoftwareAuthenticator.creationOptions(options), bob.origin());

        HttpResponse<String> accepted = bob.post("/passkeys/registration", "{\"credential\": " + created + "}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode listed = json(bob.get("/passkeys/credentials"));
        assertThat(listed)
                .singleElement()
                .satisfies(p ->
                        assertThat(p.path("attestationTrusted").asBoolean()).isTrue());
    }
}
