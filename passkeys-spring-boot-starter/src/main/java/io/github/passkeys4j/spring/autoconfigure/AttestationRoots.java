package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.AttestationTrust;
import io.github.passkeys4j.FidoMetadata;
import io.github.passkeys4j.spring.autoconfigure.PasskeysRegistrationProperties.Trust;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code passkeys.registration.trust}, {@code trusted-roots}, {@code allowed-aaguids} and the metadata BLOB as an
 * {@link AttestationTrust}.
 */
final class AttestationRoots {

    private AttestationRoots() {}

    static AttestationTrust trust(PasskeysRegistrationProperties registration, @Nullable FidoMetadata metadata) {
        List<String> problems = new ArrayList<>();
        List<X509Certificate> roots = new ArrayList<>();
        for (Resource resource : registration.getTrustedRoots()) {
            roots.addAll(certificates("passkeys.registration.trusted-roots", resource, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(problems);
        }
        boolean trusted = registration.getTrust() == null
                ? !roots.isEmpty() || metadata != null
                : registration.getTrust() == Trust.TRUSTED;
        if (!trusted) {
            if (!roots.isEmpty()) {
                throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration.trusted-roots mean"
                        + " nothing under passkeys.registration.trust=none: remove them, or set trust to trusted"));
            }
            if (!registration.getAllowedAaguids().isEmpty()) {
                throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration.allowed-aaguids needs"
                        + " passkeys.registration.trusted-roots or metadata-blob: without a trusted statement an"
                        + " AAGUID is the authenticator's own claim"));
            }
            return AttestationTrust.any();
        }
        if (roots.isEmpty() && metadata == null) {
            throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration.trust=trusted needs"
                    + " passkeys.registration.trusted-roots or passkeys.registration.metadata-blob"));
        }
        AttestationTrust trust = roots.isEmpty()
                ? AttestationTrust.metadata(metadata)
                : metadata == null
                        ? AttestationTrust.roots(roots)
                        : AttestationTrust.roots(roots).withMetadata(metadata);
        return trust.allowingOnly(registration.getAllowedAaguids());
    }

    /** The PEM certificates in a resource; a problem is added, naming the property, when there are none. */
    static List<X509Certificate> certificates(String property, Resource resource, List<String> problems) {
        try (InputStream in = resource.getInputStream()) {
            List<X509Certificate> found = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (found.isEmpty()) {
                problems.add(property + ": " + resource.getDescription() + " holds no PEM certificate");
            }
            return found;
        } catch (IOException | GeneralSecurityException e) {
            problems.add(property + ": cannot read certificates from " + resource.getDescription() + " ("
                    + e.getMessage() + ")");
            return List.of();
        }
    }
}
