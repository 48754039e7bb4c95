package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import io.github.passkeys4j.testing.TestMetadataBlob;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP with {@code passkeys.registration.metadata-blob} naming a BLOB this test signs under a test MDS root:
 * a security key the BLOB lists, whose statement chains to its listed root, registers and is named by the BLOB's
 * description (no provider list knows its AAGUID); one the BLOB reports REVOKED is refused with 403
 * {@code AUTHENTICATOR_REVOKED} and nothing is stored.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:metadata-trust;DB_CLOSE_DELAY=-1")
class MetadataTrustHttpTest {

    static final UUID LISTED = UUID.fromString("5ca1ab1e-0000-4000-8000-00000000a001");
    static final UUID REVOKED = UUID.fromString("5ca1ab1e-0000-4000-8000-00000000a002");
    static final TestCertificateAuthority VENDOR = new TestCertificateAuthority("Passkeys HTTP Test Vendor Root");
    static final TestCertificateAuthority MDS = new TestCertificateAuthority("Passkeys HTTP Test MDS Root");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void metadata(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("passkeys-mds");
        dir.toFile().deleteOnExit();
        TestCertificateAuthority.Issued signer = MDS.issue("Passkeys HTTP Test MDS Signer");
        String blob = TestMetadataBlob.builder(LocalDate.now(ZoneOffset.UTC).plusDays(30))
                .entry(LISTED, "Acme Test Key 5 NFC", List.of(VENDOR.root), "FIDO_CERTIFIED_L1")
                .entry(REVOKED, "Acme Leaky Key", List.of(VENDOR.root), "FIDO_CERTIFIED", "REVOKED")
                .sign(signer.key().getPrivate(), List.of(signer.certificate()));
        Path file = dir.resolve("blob.jwt");
        Files.writeString(file, blob);
        registry.add("passkeys.registration.metadata-blob", () -> file.toUri().toString());
        Path root = MDS.rootPem(dir);
        registry.add("passkeys.registration.metadata-root", () -> root.toUri().toString());
    }

    private String register(HttpSession session, UUID aaguid) {
        String options = session.post("/passkeys/registration/options", "{}").body();
        TestCertificateAuthority.Issued attestation = VENDOR.issue("Acme Test Key");
        return new SoftwareAuthenticator(aaguid, 0, 1)
                .withAttestation(
                        Attestation.packed(attestation.key().getPrivate(), -7, List.of(attestation.certificate())))
                .register(SoftwareAuthenticator.creationOptions(options), session.origin());
    }

    @Test
    void aListedKeyRegistersAndIsNamedByTheBlobsDescription() {
        HttpSession bob = new HttpSession(port).language("en");
        assertThat(bob.signInWithPassword("bob", "bob-password").statusCode()).isEqualTo(302);

        HttpResponse<String> accepted =
                bob.post("/passkeys/registration", "{\"credential\": " + register(bob, LISTED) + "}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode listed = json(bob.get("/passkeys/credentials"));
        assertThat(listed).singleElement().satisfies(p -> {
            assertThat(p.path("name").asString()).isEqualTo("Acme Test Key 5 NFC");
            assertThat(p.path("provider").path("name").asString()).isEqualTo("Acme Test Key 5 NFC");
            assertThat(p.path("provider").path("aaguid").asString()).isEqualTo(LISTED.toString());
            assertThat(p.path("attestationTrusted").asBoolean()).isTrue();
        });
    }

    @Test
    void aRevokedKeyIsRefusedWithItsReasonAndNothingIsStored() {
        HttpSession alice = new HttpSession(port).language("en");
        assertThat(alice.signInWithPassword("alice", "alice-password").statusCode())
                .isEqualTo(302);
        int before = json(alice.get("/passkeys/credentials")).size();

        HttpResponse<String> refused =
                alice.post("/passkeys/registration", "{\"credential\": " + register(alice, REVOKED) + "}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(refused);
        assertThat(problem.path("reason").asString()).isEqualTo("AUTHENTICATOR_REVOKED");
        assertThat(problem.path("detail").asString()).contains("REVOKED").contains(REVOKED.toString());
        assertThat(problem.path("message").asString()).contains("known security problem");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at io.github");
        assertThat(json(alice.get("/passkeys/credentials")).size()).isEqualTo(before);
    }
}
