package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.CredentialJson;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedAuthentication;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedRegistration;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedAuthentication;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedRegistration;
import io.github.passkeys4j.store.Passkey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a registration or an assertion against expectations the caller gives — the challenge it issued, the
 * origins, the RP ID, the user-verification policy, the stored credential — with no store and no pending ceremony, at
 * a verification time the caller gives. For apps that keep their own challenges (mobile back-ends, single-page apps
 * with their own tokens), and for replaying responses recorded from real devices. It runs the same WebAuthn Level 3
 * §7.1/§7.2 checks as {@link RelyingParty} (attestation statements included); remembering that a challenge was used is
 * the caller's job. Immutable and thread-safe.
 *
 * <pre>{@code
 * RecordedCeremonies recorded = RecordedCeremonies.builder("example.com")
 *         .origins(Set.of("https://example.com"))
 *         .build();
 * RegisteredCredential credential = recorded.verifyRegistration(responseJson, challenge, Instant.now());
 * }</pre>
 */
public final class RecordedCeremonies {

    private final String rpId;
    private final Set<String> origins;
    private final UserVerification userVerification;
    private final List<CoseAlgorithm> algorithms;
    private final AttestationTrust attestationTrust;

    private RecordedCeremonies(Builder b) {
        this.rpId = b.rpId;
        this.origins = b.origins != null ? b.origins : Set.of("https://" + b.rpId);
        this.userVerification = b.userVerification;
        this.algorithms = b.algorithms;
        this.attestationTrust = b.attestationTrust;
    }

    /** @param rpId the relying party ID the credentials were made for, e.g. {@code example.com} */
    public static Builder builder(String rpId) {
        return new Builder(rpId);
    }

    /**
     * Verifies a registration response.
     *
     * @param responseJson     the client's {@code PublicKeyCredential.toJSON()}
     * @param challenge        the challenge the options carried, base64url
     * @param verificationTime when time-bound parts of the attestation (certificate validity with trusted roots, a
     *                         SafetyNet timestamp) are checked
     * @throws PasskeyException naming the failed check
     */
    public RegisteredCredential verifyRegistration(String responseJson, String challenge, Instant verificationTime) {
        CredentialJson.checkShape(responseJson);
        WebAuthn4jVerifier verifier = verifier(verificationTime);
        ParsedRegistration parsed = verifier.parseRegistration(responseJson);
        checkChallenge(parsed.challenge(), challenge);
        VerifiedRegistration v = verifier.verifyRegistration(parsed, userVerification == UserVerification.REQUIRED);
        return new RegisteredCredential(
                v.credentialId(),
                v.publicKey(),
                v.signCount(),
                v.aaguid(),
                v.transports(),
                v.backupEligible(),
                v.backupState(),
                v.userVerified(),
                v.attestationFormat(),
                v.discoverable());
    }

    /**
     * Verifies an assertion made with {@code credential}: its signature, and a signature counter above the stored one
     * (when either is non-zero). A user handle in the response must be the credential's.
     *
     * @param responseJson     the client's {@code PublicKeyCredential.toJSON()}
     * @param challenge        the challenge the options carried, base64url
     * @param credential       the stored credential the response names
     * @param verificationTime when the assertion is verified
     * @throws PasskeyException naming the failed check
     */
    public VerifiedAssertion verifyAuthentication(
            String responseJson, String challenge, Passkey credential, Instant verificationTime) {
        CredentialJson.checkShape(responseJson);
        WebAuthn4jVerifier verifier = verifier(verificationTime);
        ParsedAuthentication parsed = verifier.parseAuthentication(responseJson);
        checkChallenge(parsed.challenge(), challenge);
        if (!parsed.credentialId().equals(credential.credentialId())) {
            throw new PasskeyException(
                    Reason.UNKNOWN_CREDENTIAL, "The response was made with another credential than the one given.");
        }
        if (parsed.userHandle() != null && !parsed.userHandle().equals(credential.userHandle())) {
            throw new PasskeyException(Reason.USER_HANDLE_MISMATCH);
        }
        VerifiedAuthentication v = verifier.verifyAuthentication(
                parsed, credential, List.of(), userVerification == UserVerification.REQUIRED);
        return new VerifiedAssertion(
                parsed.credentialId(), parsed.userHandle(), v.signCount(), v.userVerified(), v.backupState());
    }

    private WebAuthn4jVerifier verifier(Instant verificationTime) {
        Clock at = Clock.fixed(Objects.requireNonNull(verificationTime, "verificationTime"), ZoneOffset.UTC);
        return new WebAuthn4jVerifier(
                rpId, origins, true, algorithms.stream().map(CoseAlgorithm::id).toList(), at, attestationTrust);
    }

    private static void checkChallenge(String presented, String expected) {
        if (!presented.equals(Objects.requireNonNull(expected, "challenge"))) {
            throw new PasskeyException(Reason.CHALLENGE_MISMATCH);
        }
    }

    /** Builds {@link RecordedCeremonies}; every option has a default, stated on its method. */
    public static final class Builder {
        private final String rpId;
        private Set<String> origins;
        private UserVerification userVerification = UserVerification.REQUIRED;
        private List<CoseAlgorithm> algorithms = CoseAlgorithm.DEFAULTS;
        private AttestationTrust attestationTrust = AttestationTrust.any();

        private Builder(String rpId) {
            this.rpId = Objects.requireNonNull(rpId, "rpId");
            if (rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
                throw new IllegalArgumentException("rpId must be a domain such as example.com, not a URL: " + rpId);
            }
        }

        /** The exact origins the ceremonies may have run on. Default: {@code https://<rpId>} only. */
        public Builder origins(Set<String> origins) {
            this.origins = Origins.check(origins);
            return this;
        }

        /** Default {@link UserVerification#REQUIRED}: a response without the UV flag is refused. */
        public Builder userVerification(UserVerification userVerification) {
            this.userVerification = Objects.requireNonNull(userVerification, "userVerification");
            return this;
        }

        /** The algorithms a new credential's key may use. Default {@link CoseAlgorithm#DEFAULTS}. */
        public Builder algorithms(List<CoseAlgorithm> algorithms) {
            if (algorithms.isEmpty()) {
                throw new IllegalArgumentException("algorithms must name at least one algorithm");
            }
            this.algorithms = List.copyOf(algorithms);
            return this;
        }

        /** Which attestation chains and AAGUIDs are trusted. Default {@link AttestationTrust#any()}. */
        public Builder attestationTrust(AttestationTrust attestationTrust) {
            this.attestationTrust = Objects.requireNonNull(attestationTrust, "attestationTrust");
            return this;
        }

        public RecordedCeremonies build() {
            return new RecordedCeremonies(this);
        }
    }
}
