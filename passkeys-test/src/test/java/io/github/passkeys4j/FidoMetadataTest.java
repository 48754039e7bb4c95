package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Attestation;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import io.github.passkeys4j.testing.TestClock;
import io.github.passkeys4j.testing.TestMetadataBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FidoMetadata} and {@link AttestationTrust#metadata}: a small MDS3 BLOB signed by a test MDS CA, with an entry
 * for the test authenticator's AAGUID whose root is a test attestation CA. Real signatures and real PKIX throughout,
 * through webauthn4j-metadata 0.31.2 on webauthn4j-core 0.32.0.
 */
class FidoMetadataTest {

    private static final UUID AAGUID = SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER;
    private static final TestCertificateAuthority VENDOR = Fixture.attestationCa();
    private static final TestCertificateAuthority OTHER_VENDOR = Fixture.attestationCa();
    private static final TestCertificateAuthority MDS = Fixture.attestationCa();
    private static final TestCertificateAuthority.Issued MDS_SIGNER = MDS.issue("Test Authenticator");
    private static final LocalDate TODAY = LocalDate.ofInstant(Fixture.START, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Fixture.START);

    private Path write(String jwt) throws IOException {
        Path file = dir.resolve("blob.jwt");
        Files.writeString(file, jwt);
        return file;
    }

    private static String blob(LocalDate nextUpdate, String... statuses) {
        return TestMetadataBlob.builder(nextUpdate)
                .entry(AAGUID, "Test Passkey Provider 2", List.of(VENDOR.root), statuses)
                .sign(MDS_SIGNER.key().getPrivate(), List.of(MDS_SIGNER.certificate()));
    }

    private FidoMetadata metadata(String jwt) throws IOException {
        return FidoMetadata.read(write(jwt), MDS.root, clock, Duration.ofMinutes(1));
    }

    private static Attestation packed(TestCertificateAuthority ca) {
        TestCertificateAuthority.Issued issued = ca.issue("Test Authenticator", AAGUID, false);
        return Attestation.packed(issued.key().getPrivate(), -7, List.of(issued.certificate()));
    }

    private static String response(Fixture fixture, Attestation attestation) {
        return new SoftwareAuthenticator()
                .withAttestation(attestation)
                .register(fixture.rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN);
    }

    private static void assertRefused(Fixture fixture, Attestation attestation, Reason reason) {
        String response = response(fixture, attestation);
        fixture.assertRefused(reason, () -> fixture.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fixture.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void readsTheBlobAndItsDescription() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED"));

        assertThat(metadata.size()).isEqualTo(1);
        assertThat(metadata.nextUpdate()).isEqualTo(TODAY.plusDays(30));
        assertThat(metadata.description(AAGUID)).contains("Test Passkey Provider 2");
        assertThat(metadata.description(UUID.randomUUID())).isEmpty();
        assertThat(metadata.attestationRoots(AAGUID)).containsExactly(VENDOR.root);
        assertThat(metadata.securityNotices(AAGUID)).isEmpty();
    }

    @Test
    void acceptsAStatementChainingToTheRootTheBlobListsForItsAaguid() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED_L1"));
        Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));

        Passkey passkey = fx.rp.finishRegistration(FinishRegistration.of("alice", response(fx, packed(VENDOR))));

        assertThat(passkey.attestationTrusted()).isTrue();
        assertThat(fx.passkeys.findByCredentialId(passkey.credentialId())).isPresent();
    }

    @Test
    void refusesARevokedAuthenticatorWithItsOwnReason() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED", "REVOKED"));
        Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));

        assertRefused(fx, packed(VENDOR), Reason.AUTHENTICATOR_REVOKED);
    }

    @Test
    void everySecurityNoticeRefusesAndALaterUpdateDoesNotLiftIt() throws IOException {
        for (String notice : List.of(
                "USER_VERIFICATION_BYPASS",
                "ATTESTATION_KEY_COMPROMISE",
                "USER_KEY_REMOTE_COMPROMISE",
                "USER_KEY_PHYSICAL_COMPROMISE")) {
            FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED", notice, "UPDATE_AVAILABLE"));
            Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));
            assertThat(metadata.securityNotices(AAGUID)).as(notice).containsExactly(notice);
            assertRefused(fx, packed(VENDOR), Reason.AUTHENTICATOR_REVOKED);
        }
    }

    @Test
    void otherStatusesDoNotRefuse() throws IOException {
        FidoMetadata metadata = metadata(
                blob(TODAY.plusDays(30), "NOT_FIDO_CERTIFIED", "SELF_ASSERTION_SUBMITTED", "UPDATE_AVAILABLE"));
        Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));

        assertThat(fx.rp.finishRegistration(FinishRegistration.of("alice", response(fx, packed(VENDOR))))
                        .attestationTrusted())
                .isTrue();
    }

    @Test
    void refusesAChainToAnotherRootAnUnlistedAaguidAndNoStatement() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED"));
        Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));
        assertRefused(fx, packed(OTHER_VENDOR), Reason.ATTESTATION_NOT_TRUSTED);
        assertRefused(fx, Attestation.none(), Reason.ATTESTATION_NOT_TRUSTED);
        assertRefused(fx, Attestation.packedSelf(), Reason.ATTESTATION_NOT_TRUSTED);

        FidoMetadata otherAaguid = metadata(TestMetadataBlob.builder(TODAY.plusDays(30))
                .entry(UUID.randomUUID(), "Another key", List.of(VENDOR.root), "FIDO_CERTIFIED")
                .sign(MDS_SIGNER.key().getPrivate(), List.of(MDS_SIGNER.certificate())));
        Fixture unlisted = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(otherAaguid)));
        assertRefused(unlisted, packed(VENDOR), Reason.ATTESTATION_NOT_TRUSTED);
    }

    @Test
    void aConfiguredRootAndTheBlobTogether() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED"));
        Fixture fx = new Fixture(b -> b.attestationTrust(
                AttestationTrust.roots(List.of(OTHER_VENDOR.root)).withMetadata(metadata)));

        assertThat(fx.rp.finishRegistration(FinishRegistration.of("alice", response(fx, packed(OTHER_VENDOR))))
                        .attestationTrusted())
                .isTrue();
        Fixture revoked = new Fixture(b -> {
            try {
                b.attestationTrust(AttestationTrust.roots(List.of(OTHER_VENDOR.root))
                        .withMetadata(metadata(blob(TODAY.plusDays(30), "REVOKED"))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // The status report is about the model: a configured root does not lift it.
        assertRefused(revoked, packed(OTHER_VENDOR), Reason.AUTHENTICATOR_REVOKED);
    }

    @Test
    void aTamperedSignatureIsRefusedWithAClearMessage() throws IOException {
        String jwt = blob(TODAY.plusDays(30), "FIDO_CERTIFIED");
        String[] parts = jwt.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThatThrownBy(() -> metadata(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blob.jwt")
                .hasMessageContaining("signature is invalid");
    }

    @Test
    void aChangedPayloadIsRefused() throws IOException {
        String jwt = blob(TODAY.plusDays(30), "REVOKED");
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("REVOKED", "FIDO_CERTIFIED");
        String changed = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> metadata(changed)).hasMessageContaining("signature is invalid");
    }

    @Test
    void aBlobSignedUnderAnotherRootIsRefused() throws IOException {
        TestCertificateAuthority.Issued impostor = OTHER_VENDOR.issue("Test Authenticator");
        String jwt = TestMetadataBlob.builder(TODAY.plusDays(30))
                .entry(AAGUID, "Test Passkey Provider 2", List.of(VENDOR.root), "FIDO_CERTIFIED")
                .sign(impostor.key().getPrivate(), List.of(impostor.certificate()));

        assertThatThrownBy(() -> metadata(jwt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not verify against the given MDS root")
                .hasMessageContaining("certificate chain");
    }

    @Test
    void aFileThatIsNoBlobIsRefused() throws IOException {
        assertThatThrownBy(() -> metadata("not a blob")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FidoMetadata.read(dir.resolve("missing.jwt"), MDS.root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aBlobPastItsNextUpdateIsRefusedAtStart() {
        assertThatThrownBy(() -> metadata(blob(TODAY.minusDays(1), "FIDO_CERTIFIED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of date")
                .hasMessageContaining(TODAY.minusDays(1).toString());
        assertThatCode(() -> metadata(blob(TODAY, "FIDO_CERTIFIED"))).doesNotThrowAnyException();
    }

    @Test
    void onceOutOfDateRegistrationsAreRefusedUntilAFreshFileIsThere() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(1), "FIDO_CERTIFIED"));
        Fixture fx = new Fixture(b -> b.attestationTrust(AttestationTrust.metadata(metadata)));
        clock.advance(Duration.ofDays(2));

        assertRefused(fx, packed(VENDOR), Reason.ATTESTATION_NOT_TRUSTED);

        Path file = write(TestMetadataBlob.builder(TODAY.plusDays(40))
                .number(2)
                .entry(AAGUID, "Test Passkey Provider 2", List.of(VENDOR.root), "FIDO_CERTIFIED")
                .sign(MDS_SIGNER.key().getPrivate(), List.of(MDS_SIGNER.certificate())));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        clock.advance(Duration.ofMinutes(1));

        assertThat(fx.rp.finishRegistration(FinishRegistration.of("alice", response(fx, packed(VENDOR))))
                        .attestationTrusted())
                .isTrue();
        assertThat(metadata.number()).isEqualTo(2);
    }

    @Test
    void aNewFileThatFailsIsIgnoredAndTheOldBlobKept() throws IOException {
        FidoMetadata metadata = metadata(blob(TODAY.plusDays(30), "FIDO_CERTIFIED"));
        Path file = write("garbage");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofMinutes(2));

        assertThat(metadata.description(AAGUID)).contains("Test Passkey Provider 2");
        assertThat(metadata.number()).isEqualTo(1);
    }
}
