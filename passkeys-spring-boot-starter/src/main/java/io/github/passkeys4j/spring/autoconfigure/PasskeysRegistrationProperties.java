package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.AttestationConveyance;
import io.github.passkeys4j.CoseAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What new passkeys may be: their public-key algorithms, and whether registration asks which authenticator made them.
 * Every attestation statement that arrives is verified, whatever is asked.
 */
@ConfigurationProperties("passkeys.registration")
public class PasskeysRegistrationProperties {

    /**
     * The public-key algorithms new passkeys may use, in order of preference (advertised in pubKeyCredParams); a passkey
     * with another is refused. Default: ES256, EDDSA, ES384, ES512, PS256, PS384, RS256. RS1 (SHA-1, older Windows
     * Hello TPMs) only when listed here.
     */
    private List<CoseAlgorithm> algorithms = new ArrayList<>(CoseAlgorithm.DEFAULTS);

    /**
     * The attestation the registration options ask for: none (the default without trusted-roots; no extra prompt),
     * indirect, direct (the default with trusted-roots) or enterprise.
     */
    private AttestationConveyance attestation;

    /**
     * PEM files of attestation root certificates (e.g. classpath:yubico-roots.pem, file:/etc/app/roots.pem). When
     * set, only authenticators whose attestation chains to one of them may register (no statement and self
     * attestation are refused), and registration asks for direct attestation unless passkeys.registration.attestation
     * says otherwise. Default: none, any verified statement is accepted.
     */
    private List<Resource> trustedRoots = new ArrayList<>();

    /**
     * With trusted-roots: only authenticators with one of these AAGUIDs may register. Default: empty, any.
     */
    private Set<UUID> allowedAaguids = new LinkedHashSet<>();

    public List<CoseAlgorithm> getAlgorithms() {
        return algorithms;
    }

    public void setAlgorithms(List<CoseAlgorithm> algorithms) {
        this.algorithms = algorithms;
    }

    public AttestationConveyance getAttestation() {
        return attestation;
    }

    public void setAttestation(AttestationConveyance attestation) {
        this.attestation = attestation;
    }

    public List<Resource> getTrustedRoots() {
        return trustedRoots;
    }

    public void setTrustedRoots(List<Resource> trustedRoots) {
        this.trustedRoots = trustedRoots;
    }

    public Set<UUID> getAllowedAaguids() {
        return allowedAaguids;
    }

    public void setAllowedAaguids(Set<UUID> allowedAaguids) {
        this.allowedAaguids = allowedAaguids;
    }
}
