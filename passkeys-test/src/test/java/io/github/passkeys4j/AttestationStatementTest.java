package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements the software authenticator signs with real keys, packed self and packed with a certificate from a test
 * CA, go through {@link RelyingParty#finishRegistration}: valid ones are stored with their format; each tampered one is
 * refused as {@code ATTESTATION_INVALID} and stores nothing, although no trust anchor is configured.
 */
class AttestationStatementTest {

    private static final UUID AAGUID = SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER;
    private static final TestCertificateAuthority CA = Fixture.attestationCa();

    private final Fixture fx = new Fixture();

    private String response(Attestation attestation) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator().withAttestation(attestation);
        return authenticator.register(fx.rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN);
    }

    private Passkey register(String response) {
        return fx.rp.finishRegistration(FinishRegistration.of("alice", response));
    }

    private void assertRefused(String response) {
        fx.assertRefused(Reason.ATTESTATION_INVALID, () -> register(response));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    private static Attestation packed(UUID aaguidInCertificate, boolean ca) {
        TestCertificateAuthority.Issued issued = CA.issue("Test Authenticator", aaguidInCertificate, ca);
        return Attestation.packed(issued.key().getPrivate(), -7, List.of(issued.certificate(), CA.root));
    }

    @Test
    void storesANoneStatement() {
        assertThat(register(response(Attestation.none())).attestationFormat()).isEqualTo("none");
    }

    @Test
    void storesAPackedSelfStatement() {
        Passkey passkey = register(response(Attestation.packedSelf()));

        assertThat(passkey.attestationFormat()).isEqualTo("packed");
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void storesAPackedStatementFromAnUntrustedTestCa() {
        Passkey passkey = register(response(packed(AAGUID, false)));

        assertThat(passkey.attestationFormat()).isEqualTo("packed");
        assertThat(passkey.aaguid()).isEqualTo(AAGUID);
    }

    @Test
    void storesAPackedStatementWhoseCertificateNamesNoAaguid() {
        assertThat(register(response(packed(null, false))).attestationFormat()).isEqualTo("packed");
    }

    @Test
    void refusesAPackedSelfStatementWithASignatureBitFlipped() {
        assertRefused(StatementTamper.flipSignatureBit(response(Attestation.packedSelf())));
    }

    @Test
    void refusesAPackedStatementWithASignatureBitFlipped() {
        assertRefused(StatementTamper.flipSignatureBit(response(packed(AAGUID, false))));
    }

    @Test
    void refusesAPackedSelfStatementWhenTheAaguidIsChanged() {
        assertRefused(StatementTamper.changeAaguid(response(Attestation.packedSelf())));
    }

    @Test
    void refusesAPackedStatementWhenTheAaguidIsChanged() {
        assertRefused(StatementTamper.changeAaguid(response(packed(AAGUID, false))));
    }

    @Test
    void refusesACertificateThatNamesAnotherAaguid() {
        // Signed correctly, but the certificate vouches for another authenticator model than authData names.
        assertRefused(response(packed(UUID.fromString("00000000-0000-0000-0000-00000000abcd"), false)));
    }

    @Test
    void refusesAnAttestationCertificateThatIsACa() {
        assertRefused(response(packed(AAGUID, true)));
    }

    @Test
    void refusesAPackedStatementWithAnotherKeysCertificate() throws CertificateEncodingException {
        byte[] another =
                CA.issue("Test Authenticator", AAGUID, false).certificate().getEncoded();
        assertRefused(StatementTamper.swapCertificate(response(packed(AAGUID, false)), another));
    }

    @Test
    void refusesAPackedSelfStatementUnderAnotherAlgorithm() {
        // The statement claims RS256 while the credential key is ES256 (§8.2 step 2 of self attestation).
        UnaryOperator<String> relabel = StatementTamper::relabelAlgorithmAsRs256;
        assertRefused(relabel.apply(response(Attestation.packedSelf())));
    }
}
