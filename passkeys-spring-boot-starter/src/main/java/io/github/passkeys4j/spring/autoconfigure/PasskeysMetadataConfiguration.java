package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.FidoMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code passkeys.registration.metadata-blob}: the FIDO Metadata Service BLOB, read and verified at start-up. A BLOB
 * that cannot be read, does not verify against {@code metadata-root}, or is past its {@code nextUpdate} stops the app
 * with one line naming the property and the failed check.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("passkeys.registration.metadata-blob")
class PasskeysMetadataConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FidoMetadata passkeysFidoMetadata(PasskeysRegistrationProperties registration) {
        List<String> problems = new ArrayList<>();
        if (registration.getMetadataRoot() == null) {
            throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration.metadata-blob needs"
                    + " passkeys.registration.metadata-root, the PEM root certificate that signs the BLOB"));
        }
        List<X509Certificate> roots = AttestationRoots.certificates(
                "passkeys.registration.metadata-root", registration.getMetadataRoot(), problems);
        Path file = null;
        try {
            file = registration.getMetadataBlob().getFile().toPath();
        } catch (IOException | UnsupportedOperationException e) {
            problems.add("passkeys.registration.metadata-blob: "
                    + registration.getMetadataBlob().getDescription()
                    + " is not a file (use file:/path/blob.jwt; it is re-read when it changes)");
        }
        if (roots.size() > 1) {
            problems.add("passkeys.registration.metadata-root: give one certificate, found " + roots.size());
        }
        if (!problems.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(problems);
        }
        try {
            return FidoMetadata.read(
                    file, roots.get(0), java.time.Clock.systemUTC(), registration.getMetadataRecheck());
        } catch (IllegalArgumentException e) {
            throw new InvalidPasskeysPropertiesException(
                    List.of("passkeys.registration.metadata-blob: " + e.getMessage()));
        }
    }
}
