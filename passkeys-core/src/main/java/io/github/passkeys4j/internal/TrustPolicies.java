package io.github.passkeys4j.internal;

import com.webauthn4j.anchor.TrustAnchorRepository;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.NullSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.SelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.passkeys4j.AttestationTrust;

import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/** webauthn4j's trustworthiness verifiers for an {@link AttestationTrust}. */
final class TrustPolicies {

    private TrustPolicies() {}

    /**
     * Any chain for {@link AttestationTrust#any()}; else PKIX to the roots at the relying party's clock (webauthn4j
     * would use its own {@code Instant.now()}), every failure of it reported as an untrusted chain.
     */
    static CertPathTrustworthinessVerifier certPath(AttestationTrust trust, Clock clock) {
        if (!trust.requiresTrustedChain()) {
            return new NullCertPathTrustworthinessVerifier();
        }
        Set<TrustAnchor> anchors =
                trust.roots().stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
        DefaultCertPathTrustworthinessVerifier pkix =
                new DefaultCertPathTrustworthinessVerifier(new TrustAnchorRepository() {
                    @Override
                    public Set<TrustAnchor> find(AAGUID aaguid) {
                        return anchors;
                    }

                    @Override
                    public Set<TrustAnchor> find(byte[] attestationCertificateKeyIdentifier) {
                        return anchors;
                    }
                });
        return (aaguid, statement, ignored) -> {
            try {
                pkix.verify(aaguid, statement, clock.instant());
            } catch (VerificationException e) {
                throw new TrustAnchorNotFoundException(
                        "Its certificate chain does not end in a trusted root at " + clock.instant() + ": "
                                + e.getMessage(),
                        e);
            }
        };
    }

    /** Self attestation names no authenticator model: accepted only without roots. */
    static SelfAttestationTrustworthinessVerifier self(AttestationTrust trust) {
        return trust.requiresTrustedChain()
                ? new DefaultSelfAttestationTrustworthinessVerifier(false)
                : new NullSelfAttestationTrustworthinessVerifier();
    }
}
