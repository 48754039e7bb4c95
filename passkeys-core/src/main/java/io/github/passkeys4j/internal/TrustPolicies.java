package io.github.passkeys4j.internal;

import com.webauthn4j.anchor.TrustAnchorRepository;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.metadata.exception.BadStatusException;
import com.webauthn4j.util.HexUtil;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.NullSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.SelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.passkeys4j.AttestationTrust;
import io.github.passkeys4j.FidoMetadata;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** webauthn4j's trustworthiness verifiers for an {@link AttestationTrust}. */
final class TrustPolicies {

    private TrustPolicies() {}

    /**
     * Any chain for {@link AttestationTrust#any()}; else PKIX to the roots (the configured ones and the BLOB's for the
     * authenticator) at the relying party's clock (webauthn4j would use its own {@code Instant.now()}), every failure
     * of it reported as an untrusted chain, except a security notice in the BLOB, which keeps its own reason.
     */
    static CertPathTrustworthinessVerifier certPath(AttestationTrust trust, Clock clock) {
        if (!trust.requiresTrustedChain()) {
            return new NullCertPathTrustworthinessVerifier();
        }
        Set<TrustAnchor> anchors = anchors(trust.roots());
        FidoMetadata metadata = trust.metadata().orElse(null);
        DefaultCertPathTrustworthinessVerifier pkix =
                new DefaultCertPathTrustworthinessVerifier(new TrustAnchorRepository() {
                    @Override
                    public Set<TrustAnchor> find(AAGUID aaguid) {
                        if (metadata == null) {
                            return anchors;
                        }
                        metadata.requireCurrent();
                        refuseNotices(metadata.securityNotices(aaguid.getValue()), aaguid.toString());
                        return union(anchors, metadata.attestationRoots(aaguid.getValue()));
                    }

                    @Override
                    public Set<TrustAnchor> find(byte[] attestationCertificateKeyIdentifier) {
                        if (metadata == null) {
                            return anchors;
                        }
                        metadata.requireCurrent();
                        String keyId = HexUtil.encodeToString(attestationCertificateKeyIdentifier);
                        refuseNotices(metadata.securityNoticesForKeyIdentifier(keyId), "key identifier " + keyId);
                        return union(anchors, metadata.attestationRootsForKeyIdentifier(keyId));
                    }
                });
        return (aaguid, statement, ignored) -> {
            try {
                pkix.verify(aaguid, statement, clock.instant());
            } catch (BadStatusException e) {
                throw e;
            } catch (VerificationException e) {
                throw new TrustAnchorNotFoundException(
                        "Its certificate chain does not end in a trusted root at " + clock.instant() + ": "
                                + e.getMessage(),
                        e);
            }
        };
    }

    private static Set<TrustAnchor> anchors(Set<X509Certificate> roots) {
        return roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
    }

    private static Set<TrustAnchor> union(Set<TrustAnchor> configured, Set<X509Certificate> fromMetadata) {
        if (fromMetadata.isEmpty()) {
            return configured;
        }
        Set<TrustAnchor> all = new HashSet<>(configured);
        all.addAll(anchors(fromMetadata));
        return all;
    }

    /** A security notice in the BLOB refuses the model whatever root its chain ends in. */
    private static void refuseNotices(List<String> notices, String authenticator) {
        if (!notices.isEmpty()) {
            throw new BadStatusException("The FIDO Metadata Service reports " + String.join(", ", notices)
                    + " for authenticator " + authenticator + ".");
        }
    }

    /** Self attestation names no authenticator model: accepted only without roots. */
    static SelfAttestationTrustworthinessVerifier self(AttestationTrust trust) {
        return trust.requiresTrustedChain()
                ? new DefaultSelfAttestationTrustworthinessVerifier(false)
                : new NullSelfAttestationTrustworthinessVerifier();
    }
}
