package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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

    private static final KeyPair ROOT_KEY = ecKey();
    private static final X500Name ROOT_NAME =
            new X500Name("CN=Passkeys HTTP Test Root, O=Passkeys for Java Tests, C=DE");
    private static final X509Certificate ROOT = issue(ROOT_NAME, ROOT_KEY, true);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustedRoots(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("passkeys-test-root", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded(ROOT))
                        + "\n-----END CERTIFICATE-----\n");
        registry.add("passkeys.registration.trusted-roots", () -> pem.toUri().toString());
    }

    @Test
    void aPasskeyWhoseStatementChainsToTheRootIsListedAsTrusted() {
        HttpSession bob = new HttpSession(port).language("en");
        assertThat(bob.signInWithPassword("bob", "bob-password").statusCode()).isEqualTo(302);
        String options = bob.post("/passkeys/registration/options", "{}").body();
        KeyPair attestationKey = ecKey();
        X509Certificate certificate = issue(
                new X500Name("CN=Test Authenticator, OU=Authenticator Attestation, O=Passkeys for Java Tests, C=DE"),
                attestationKey,
                false);
        String created = new SoftwareAuthenticator()
                .withAttestation(Attestation.packed(attestationKey.getPrivate(), -7, List.of(certificate)))
                .register(SoftwareAuthenticator.creationOptions(options), bob.origin());

        HttpResponse<String> accepted = bob.post("/passkeys/registration", "{\"credential\": " + created + "}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode listed = json(bob.get("/passkeys/credentials"));
        assertThat(listed)
                .singleElement()
                .satisfies(p ->
                        assertThat(p.path("attestationTrusted").asBoolean()).isTrue());
    }

    private static X509Certificate issue(X500Name subject, KeyPair subjectKey, boolean ca) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    ROOT_NAME,
                    BigInteger.valueOf(ca ? 1 : 2),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    subject,
                    subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ROOT_KEY.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
