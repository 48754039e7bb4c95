package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.AttestationConveyance;
import io.github.passkeys4j.CoseAlgorithm;
import io.github.passkeys4j.RegistrationPreferences;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What "Add a passkey" asks for and accepts, under {@code passkeys.registration.*}: the new passkeys' public-key
 * algorithms, whether registration asks which authenticator made them (every attestation statement that arrives is
 * verified, whatever is asked), and the kind of authenticator (passkey or security key). Checked at start-up: an
 * unknown value or a contradiction stops the app with the allowed values named.
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

    /**
     * Which authenticators may register: "none" (any statement that verifies, and none at all) or "trusted" (the
     * statement's chain must end in a root from trusted-roots or one that metadata-blob lists for the authenticator,
     * and the blob must report no security notice for it). Default: trusted when trusted-roots or metadata-blob is
     * set, else none. With none, a metadata-blob only names passkeys.
     */
    private Trust trust;

    /**
     * The FIDO Metadata Service (MDS3) BLOB as a file (file:/var/lib/app/mds.jwt), e.g. downloaded daily from
     * https://mds3.fidoalliance.org/ by cron. Its signature and chain are checked against metadata-root at start-up
     * (a failure stops the app) and whenever the file changes. Its attestation roots and status reports decide trust,
     * and its descriptions name passkeys the provider list does not know. Default: none.
     */
    private Resource metadataBlob;

    /** PEM of the root certificate that signs the metadata-blob (FIDO's "Root CA - R3" for the real MDS). */
    private Resource metadataRoot;

    /** How often at most the metadata-blob file is looked at for a new copy. Default 1 minute. */
    private Duration metadataRecheck = Duration.ofMinutes(1);

    /** The attestation trust policy. */
    public enum Trust {
        /** Any statement that verifies, and none at all. */
        NONE,
        /** Only statements chaining to a trusted root, from an authenticator with no security notice. */
        TRUSTED
    }

    public Trust getTrust() {
        return trust;
    }

    public void setTrust(Trust trust) {
        this.trust = trust;
    }

    public Resource getMetadataBlob() {
        return metadataBlob;
    }

    public void setMetadataBlob(Resource metadataBlob) {
        this.metadataBlob = metadataBlob;
    }

    public Resource getMetadataRoot() {
        return metadataRoot;
    }

    public void setMetadataRoot(Resource metadataRoot) {
        this.metadataRoot = metadataRoot;
    }

    public Duration getMetadataRecheck() {
        return metadataRecheck;
    }

    public void setMetadataRecheck(Duration metadataRecheck) {
        this.metadataRecheck = metadataRecheck;
    }

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

    /**
     * Whether the new credential must be discoverable (signs in without a username): "required" (default, a passkey),
     * "preferred", or "discouraged" (a security key keeps its few slots; such credentials sign in username-first).
     */
    private String residentKey = "required";

    /**
     * "platform" (this device's own authenticator), "cross-platform" (a security key or a phone), or unset (default:
     * either).
     */
    private String authenticatorAttachment;

    /**
     * WebAuthn hints, in order of preference, telling the browser which choice to show first: "security-key",
     * "client-device", "hybrid" (a phone). Default: none.
     */
    private List<String> hints = new ArrayList<>();

    /**
     * Whether "Add a security key" is offered: the registration-options call then accepts {"kind": "security-key"},
     * which asks for a non-discoverable credential on a roaming key (residentKey "discouraged", "cross-platform", hint
     * "security-key"), signed in with username first. Default true; false refuses that kind with 400.
     */
    private boolean securityKeys = true;

    /** These settings as core preferences; throws {@link InvalidPasskeysPropertiesException} naming what is wrong. */
    public RegistrationPreferences preferences() {
        try {
            return new RegistrationPreferences(
                    residentKey,
                    authenticatorAttachment == null || authenticatorAttachment.isBlank()
                            ? null
                            : authenticatorAttachment,
                    hints);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration: " + e.getMessage()
                    + " (resident-key " + residentKey + ", authenticator-attachment " + authenticatorAttachment
                    + ", hints " + hints + ")"));
        }
    }

    public String getResidentKey() {
        return residentKey;
    }

    public void setResidentKey(String residentKey) {
        this.residentKey = residentKey;
    }

    public String getAuthenticatorAttachment() {
        return authenticatorAttachment;
    }

    public void setAuthenticatorAttachment(String authenticatorAttachment) {
        this.authenticatorAttachment = authenticatorAttachment;
    }

    public List<String> getHints() {
        return hints;
    }

    public void setHints(List<String> hints) {
        this.hints = hints;
    }

    public boolean isSecurityKeys() {
        return securityKeys;
    }

    public void setSecurityKeys(boolean securityKeys) {
        this.securityKeys = securityKeys;
    }
}
