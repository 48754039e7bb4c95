package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.FidoMetadata;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import io.github.passkeys4j.testing.TestMetadataBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code passkeys.registration.metadata-blob}, {@code metadata-root} and {@code trust}: a verified BLOB makes the trust
 * policy "trusted" and names passkeys; a tampered BLOB, one under another root, one past its nextUpdate, and the
 * set-ups that cannot work stop the app with one line naming the property.
 */
class MetadataPropertiesTest {

    private static final UUID AAGUID = UUID.fromString("5ca1ab1e-0000-4000-8000-00000000b001");
    private static final TestCertificateAuthority VENDOR = new TestCertificateAuthority("Vendor Root");
    private static final TestCertificateAuthority MDS = new TestCertificateAuthority("MDS Root");
    private static final TestCertificateAuthority.Issued SIGNER = MDS.issue("MDS Signer");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    @TempDir
    Path dir;

    private static String blob(LocalDate nextUpdate, TestCertificateAuthority.Issued signer) {
        return TestMetadataBlob.builder(nextUpdate)
                .entry(AAGUID, "Acme Test Key 5 NFC", List.of(VENDOR.root), "FIDO_CERTIFIED")
                .sign(signer.key().getPrivate(), List.of(signer.certificate()));
    }

    private void run(String jwt, ContextConsumer<AssertableApplicationContext> check, String... more)
            throws IOException {
        Path file = dir.resolve("blob.jwt");
        Files.writeString(file, jwt);
        List<String> properties = new java.util.ArrayList<>(List.of(
                "passkeys.registration.metadata-blob=" + file.toUri(),
                "passkeys.registration.metadata-root=" + MDS.rootPem(dir).toUri()));
        properties.addAll(List.of(more));
        runner.withPropertyValues(properties.toArray(String[]::new)).run(check);
    }

    private static ContextConsumer<AssertableApplicationContext> stopsWith(String... words) {
        return context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(InvalidPasskeysPropertiesException.class)
                .message()
                .contains(words);
    }

    @Test
    void aVerifiedBlobAsksForDirectAttestationAndNamesItsAuthenticators() throws IOException {
        run(blob(TODAY.plusDays(30), SIGNER), context -> {
            assertThat(context.getBean(FidoMetadata.class).size()).isEqualTo(1);
            RelyingParty rp = context.getBean(RelyingParty.class);
            assertThat(rp.startRegistration(StartRegistration.forUser("alice")).attestation())
                    .isEqualTo("direct");
            assertThat(context.getBean(PasskeyProviderDirectory.class).find(AAGUID))
                    .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Acme Test Key 5 NFC"));
        });
    }

    @Test
    void trustNoneKeepsTheBlobForNamesOnly() throws IOException {
        run(
                blob(TODAY.plusDays(30), SIGNER),
                context -> {
                    assertThat(context.getBean(RelyingParty.class)
                                    .startRegistration(StartRegistration.forUser("alice"))
                                    .attestation())
                            .isEqualTo("none");
                    assertThat(context.getBean(PasskeyProviderDirectory.class).find(AAGUID))
                            .isPresent();
                },
                "passkeys.registration.trust=none");
    }

    @Test
    void aTamperedBlobStopsTheApp() throws IOException {
        String[] parts = blob(TODAY.plusDays(30), SIGNER).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[5] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        run(tampered, stopsWith("passkeys.registration.metadata-blob", "signature is invalid"));
    }

    @Test
    void aBlobUnderAnotherRootStopsTheApp() throws IOException {
        run(
                blob(TODAY.plusDays(30), VENDOR.issue("Impostor")),
                stopsWith("passkeys.registration.metadata-blob", "does not verify against the given MDS root"));
    }

    @Test
    void aBlobPastItsNextUpdateStopsTheApp() throws IOException {
        run(blob(TODAY.minusDays(2), SIGNER), stopsWith("passkeys.registration.metadata-blob", "out of date"));
    }

    @Test
    void aBlobWithoutItsRootStopsTheApp() throws IOException {
        Path file = dir.resolve("blob.jwt");
        Files.writeString(file, blob(TODAY.plusDays(30), SIGNER));
        runner.withPropertyValues("passkeys.registration.metadata-blob=" + file.toUri())
                .run(stopsWith("passkeys.registration.metadata-root"));
    }

    @Test
    void aBlobThatIsNoFileStopsTheApp() throws IOException {
        runner.withPropertyValues(
                        "passkeys.registration.metadata-blob=https://mds3.example/blob.jwt",
                        "passkeys.registration.metadata-root="
                                + MDS.rootPem(dir).toUri())
                .run(stopsWith("passkeys.registration.metadata-blob", "not a file"));
    }

    @Test
    void trustedWithoutRootsOrBlobStopsTheApp() {
        runner.withPropertyValues("passkeys.registration.trust=trusted")
                .run(stopsWith("passkeys.registration.trust=trusted needs"));
    }
}
