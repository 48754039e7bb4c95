package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AttestationTrust#roots}: only statements chaining to a given root, valid at the relying party's clock, and
 * optionally only listed AAGUIDs; everything else is {@code ATTESTATION_NOT_TRUSTED} and stores nothing. With a test CA
 * the test makes, and with YubiKeys' recorded statements and Yubico's public root.
 */
class AttestationTrustTest {

    private static final UUID AAGUID = SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER;
    private static final TestCertificateAuthority CA = Fixture.attestationCa();
    private static final TestCertificateAuthority OTHER_CA = Fixture.attestationCa();

    private final Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.roots(List.of(CA.root))));

    private static Attestation packed(TestCertificateAuthority ca) {
        TestCertificateAuthority.Issued issued = ca.issue("Test Authenticator", AAGUID, false);
        return Attestation.packed(issued.key().getPrivate(), -7, List.of(issued.certificate()));
    }

    private String response(Fixture fixture, Attestation attestation) {
        return new SoftwareAuthenticator()
                .withAttestation(attestation)
                .register(fixture.rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN);
    }

    private void assertNotTrusted(Fixture fixture, Attestation attestation) {
        String response = response(fixture, attestation);
        fixture.assertRefused(
                Reason.ATTESTATION_NOT_TRUSTED,
                () -> fixture.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fixture.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void asksForDirectAttestationAndStoresAStatementFromTheTrustedRoot() {
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        String response =
                new SoftwareAuthenticator().withAttestation(packed(CA)).register(options, ORIGIN);

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response));

        assertThat(options.attestation()).isEqualTo("direct");
        assertThat(passkey.attestationFormat()).isEqualTo("packed");
        assertThat(passkey.attestationTrusted()).isTrue();
        assertThat(fx.passkeys.findByCredentialId(passkey.credentialId()))
                .hasValueSatisfying(
                        stored -> assertThat(stored.attestationTrusted()).isTrue());
    }

    @Test
    void theSameStatementUnderTheDefaultPolicyIsStoredButNotTrusted() {
        Fixture any = new Fixture();

        Passkey passkey = any.rp.finishRegistration(FinishRegistration.of("alice", response(any, packed(CA))));

        assertThat(passkey.attestationFormat()).isEqualTo("packed");
        assertThat(passkey.attestationTrusted()).isFalse();
        assertThat(any.passkeys.findByCredentialId(passkey.credentialId()))
                .hasValueSatisfying(
                        stored -> assertThat(stored.attestationTrusted()).isFalse());
    }

    @Test
    void refusesAStatementFromAnotherRoot() {
        assertNotTrusted(fx, packed(OTHER_CA));
    }

    @Test
    void refusesSelfAttestation() {
        assertNotTrusted(fx, Attestation.packedSelf());
    }

    @Test
    void refusesNoStatement() {
        assertNotTrusted(fx, Attestation.none());
    }

    @Test
    void refusesAnAaguidOutsideTheAllowList() {
        Fixture onlyOthers = new Fixture(b -> b.attestationTrust(AttestationTrust.roots(List.of(CA.root))
                .allowingOnly(Set.of(UUID.fromString("00000000-0000-0000-0000-00000000abcd")))));
        assertNotTrusted(onlyOthers, packed(CA));
    }

    @Test
    void acceptsAnAaguidOnTheAllowList() {
        Fixture onlyThis = new Fixture(
                b -> b.attestationTrust(AttestationTrust.roots(List.of(CA.root)).allowingOnly(Set.of(AAGUID))));
        String response = response(onlyThis, packed(CA));
        assertThat(onlyThis.rp
                        .finishRegistration(FinishRegistration.of("alice", response))
                        .aaguid())
                .isEqualTo(AAGUID);
    }

    @Test
    void aForgedStatementStaysInvalidNotUntrusted() {
        String forged = StatementTamper.flipSignatureBit(response(fx, packed(CA)));
        fx.assertRefused(
                Reason.ATTESTATION_INVALID, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", forged)));
    }

    @Test
    void checksTheChainAtTheVerificationTime() {
        PublicKeyCredentialCreationOptions options = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        String response =
                new SoftwareAuthenticator().withAttestation(packed(CA)).register(options, ORIGIN);
        RecordedCeremonies recorded = RecordedCeremonies.builder(Fixture.RP_ID)
                .origins(Set.of(ORIGIN))
                .attestationTrust(AttestationTrust.roots(List.of(CA.root)))
                .build();

        assertThat(recorded.verifyRegistration(response, options.challenge(), Instant.parse("2030-01-01T00:00:00Z"))
                        .attestationFormat())
                .isEqualTo("packed");
        for (Instant outside :
                List.of(Fixture.CERTIFICATES_NOT_AFTER.plusSeconds(1), Instant.parse("2025-12-31T00:00:00Z"))) {
            assertThatThrownBy(() -> recorded.verifyRegistration(response, options.challenge(), outside))
                    .as("certificates not valid at " + outside)
                    .isInstanceOfSatisfying(
                            PasskeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ATTESTATION_NOT_TRUSTED));
        }
    }

    @Test
    void recordedYubiKeysChainToYubicosRootAndNotToAnother() throws Exception {
        X509Certificate yubico = certificate("/vectors/yubico-u2f-root-ca-457200631.pem");
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/real-device-registrations.json")) {
            vectors = JsonMapper.builder().build().readTree(in).path("vectors");
        }
        List<JsonNode> yubiKeys = vectors.valueStream()
                .filter(v -> v.path("name").asString().contains("yubikey"))
                .toList();
        assertThat(yubiKeys).hasSize(2);
        for (JsonNode v : yubiKeys) {
            String response = JsonMapper.builder().build().writeValueAsString(v.path("response"));
            Instant at = Instant.parse(v.path("verifyAt").asString());
            assertThat(replay(v, AttestationTrust.roots(List.of(yubico)))
                            .verifyRegistration(response, v.path("challenge").asString(), at)
                            .attestationFormat())
                    .isEqualTo(v.path("format").asString());
            assertThatThrownBy(() -> replay(v, AttestationTrust.roots(List.of(CA.root)))
                            .verifyRegistration(response, v.path("challenge").asString(), at))
                    .isInstanceOfSatisfying(
                            PasskeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ATTESTATION_NOT_TRUSTED));
        }
    }

    private static RecordedCeremonies replay(JsonNode v, AttestationTrust trust) {
        return RecordedCeremonies.builder(v.path("rpId").asString())
                .origins(Set.of(v.path("origin").asString()))
                .userVerification(UserVerification.PREFERRED)
                .attestationTrust(trust)
                .build();
    }

    private static X509Certificate certificate(String resource) throws Exception {
        try (InputStream in = AttestationTrustTest.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String body = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
