package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.AttestationTrust;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** {@code passkeys.registration.trusted-roots} and {@code allowed-aaguids} as an {@link AttestationTrust}. */
final class AttestationRoots {

    private AttestationRoots() {}

    static AttestationTrust trust(PasskeysRegistrationProperties registration) {
        List<X509Certificate> roots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Resource resource : registration.getTrustedRoots()) {
            try (InputStream in = resource.getInputStream()) {
                int before = roots.size();
                CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast)
                        .forEach(roots::add);
                if (roots.size() == before) {
                    problems.add("passkeys.registration.trusted-roots: " + resource.getDescription()
                            + " holds no PEM certificate");
                }
            } catch (IOException | GeneralSecurityException e) {
                problems.add("passkeys.registration.trusted-roots: cannot read certificates from "
                        + resource.getDescription() + " (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(problems);
        }
        if (roots.isEmpty()) {
            if (!registration.getAllowedAaguids().isEmpty()) {
                throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration.allowed-aaguids needs"
                        + " passkeys.registration.trusted-roots: without a trusted statement an AAGUID is the"
                        + " authenticator's own claim"));
            }
            return AttestationTrust.any();
        }
        return AttestationTrust.roots(roots).allowingOnly(registration.getAllowedAaguids());
    }
}
