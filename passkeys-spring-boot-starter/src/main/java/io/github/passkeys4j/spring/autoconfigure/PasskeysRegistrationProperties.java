package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.AttestationConveyance;
import io.github.passkeys4j.CoseAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

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
     * The attestation the registration options ask for: none (the default; no extra prompt), indirect, direct or
     * enterprise.
     */
    private AttestationConveyance attestation = AttestationConveyance.NONE;

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
}
