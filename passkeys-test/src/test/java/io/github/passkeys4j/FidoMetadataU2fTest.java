package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import io.github.passkeys4j.testing.TestClock;
import io.github.passkeys4j.testing.TestMetadataBlob;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AttestationTrust#metadata} for a U2F authenticator, which has no AAGUID: a YubiKey's recorded fido-u2f
 * registration is found in a test BLOB by its attestation certificate key identifier, chains to Yubico's public root,
 * and is refused when the entry is REVOKED or absent.
 */
class FidoMetadataU2fTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestCertificateAuthority MDS = Fixture.attestationCa();
    private static final TestCertificateAuthority.Issued MDS_SIGNER = MDS.issue("Test Authenticator");
    private static final LocalDate TODAY = LocalDate.ofInstant(Fixture.START, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FidoMetadata metadata(String jwt) throws IOException {
        Path file = dir.resolve("blob.jwt");
        Files.writeString(file, jwt);
        return FidoMetadata.read(file, MDS.root, new TestClock(Fixture.START), Duration.ofMinutes(1));
    }

    @Test
    void aRecordedU2fYubiKeyIsFoundByItsKeyIdentifier() throws Exception {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/vectors/real-device-registrations.json")) {
            vector = JSON.readTree(in)
                    .path("vectors")
                    .valueStream()
                    .filter(v -> v.path("name").asString().equals("fido-u2f: from_yubikey_firefox"))
                    .findFirst()
                    .orElseThrow();
        }
        String response = JSON.writeValueAsString(vector.path("response"));
        Instant at = Instant.parse(vector.path("verifyAt").asString());
        X509Certificate yubico;
        try (InputStream in = getClass().getResourceAsStream("/vectors/yubico-u2f-root-ca-457200631.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            yubico = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(
                            pem.substring(pem.indexOf("-----BEGIN")).getBytes(StandardCharsets.US_ASCII)));
        }
        String keyId = keyIdentifier(vector);
        for (String status : List.of("FIDO_CERTIFIED", "REVOKED", "unlisted")) {
            TestMetadataBlob blob = TestMetadataBlob.builder(TODAY.plusDays(30));
            if (status.equals("unlisted")) {
                blob.u2fEntry("00".repeat(20), "Another U2F key", List.of(yubico), "FIDO_CERTIFIED");
            } else {
                blob.u2fEntry(keyId, "YubiKey (U2F)", List.of(yubico), status);
            }
            FidoMetadata metadata =
                    metadata(blob.sign(MDS_SIGNER.key().getPrivate(), List.of(MDS_SIGNER.certificate())));
            RecordedCeremonies recorded = RecordedCeremonies.builder(
                            vector.path("rpId").asString())
                    .origins(Set.of(vector.path("origin").asString()))
                    .userVerification(UserVerification.PREFERRED)
                    .attestationTrust(AttestationTrust.metadata(metadata))
                    .build();
            String challenge = vector.path("challenge").asString();
            if (status.equals("FIDO_CERTIFIED")) {
                assertThat(recorded.verifyRegistration(response, challenge, at).attestationFormat())
                        .isEqualTo("fido-u2f");
            } else {
                assertThatThrownBy(() -> recorded.verifyRegistration(response, challenge, at))
                        .as(status)
                        .isInstanceOfSatisfying(
                                PasskeyException.class,
                                e -> assertThat(e.reason())
                                        .isEqualTo(
                                                status.equals("REVOKED")
                                                        ? Reason.AUTHENTICATOR_REVOKED
                                                        : Reason.ATTESTATION_NOT_TRUSTED));
            }
        }
    }

    /** The SHA-1 of the attestation certificate's subjectPublicKey (MDS3 attestationCertificateKeyIdentifier). */
    private static String keyIdentifier(JsonNode vector) throws Exception {
        byte[] attestationObject = Base64.getUrlDecoder()
                .decode(vector.path("response")
                        .path("response")
                        .path("attestationObject")
                        .asString());
        JsonNode x5c =
                new CBORMapper().readTree(attestationObject).path("attStmt").path("x5c");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(x5c.get(0).binaryValue()));
        byte[] subjectPublicKey = SubjectPublicKeyInfo.getInstance(
                        certificate.getPublicKey().getEncoded())
                .getPublicKeyData()
                .getBytes();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(subjectPublicKey));
    }
}
