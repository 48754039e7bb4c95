package io.github.passkeys4j.internal;

import com.webauthn4j.data.attestation.statement.AttestationType;
import com.webauthn4j.verifier.CoreRegistrationObject;
import com.webauthn4j.verifier.attestation.statement.AttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.androidsafetynet.AndroidSafetyNetAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.VerificationException;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * webauthn4j's verifiers of every registered attestation statement format (WebAuthn Level 3 §8): each checks the
 * statement's signature and its certificates' fields (the AAGUID extension, basic constraints, key descriptions, …).
 * Whether a certificate chain ends in a trusted root is a separate policy, not checked here.
 */
final class AttestationStatements {

    private AttestationStatements() {}

    /** The verifiers, checking time-bound fields (a SafetyNet response's timestamp) against {@code now}. */
    static List<AttestationStatementVerifier> verifiers(Supplier<Instant> now) {
        List<AttestationStatementVerifier> formats = List.of(
                new NoneAttestationStatementVerifier(),
                new PackedAttestationStatementVerifier(),
                new FIDOU2FAttestationStatementVerifier(),
                new TPMAttestationStatementVerifier(),
                new AndroidKeyAttestationStatementVerifier(),
                new AndroidSafetyNetAttestationStatementVerifier(),
                new AppleAnonymousAttestationStatementVerifier());
        return formats.stream()
                .<AttestationStatementVerifier>map(verifier -> new AtTime(verifier, now))
                .toList();
    }

    /**
     * Runs a verifier with the relying party's clock instead of webauthn4j's {@code Instant.now()}, so tests and replays
     * of recorded ceremonies check at a given time; and turns any crash on a malformed statement (a missing member,
     * a certificate that does not parse) into a refused statement rather than a server error.
     */
    private record AtTime(AttestationStatementVerifier verifier, Supplier<Instant> now)
            implements AttestationStatementVerifier {

        @Override
        public AttestationType verify(CoreRegistrationObject registration) {
            CoreRegistrationObject atTime = new CoreRegistrationObject(
                    registration.getAttestationObject(),
                    registration.getAttestationObjectBytes(),
                    registration.getClientDataHash(),
                    registration.getRegistrationParameters(),
                    now.get());
            try {
                return verifier.verify(atTime);
            } catch (VerificationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new BadAttestationStatementException(
                        "The " + registration.getAttestationObject().getFormat() + " statement could not be checked.",
                        e);
            }
        }

        @Override
        public boolean supports(CoreRegistrationObject registration) {
            return verifier.supports(registration);
        }
    }
}
