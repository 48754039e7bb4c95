package io.github.passkeys4j.internal;

import com.webauthn4j.metadata.exception.BadStatusException;
import com.webauthn4j.verifier.exception.BadAaguidException;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadBackupEligibleFlagException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CertificateException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.IllegalBackupStateException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.KeyDescriptionValidationException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.PublicKeyMismatchException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.passkeys4j.PasskeyException.Reason;

/** Which of our reasons a webauthn4j verification failure is. */
final class VerificationFailures {

    private VerificationFailures() {}

    /**
     * A registration's failure: its only signatures are the attestation statement's, so a bad signature or a statement
     * algorithm that does not match the key is a bad statement, as are its certificates' failures.
     */
    static Reason reasonForRegistration(VerificationException e) {
        if (e instanceof BadStatusException) {
            return Reason.AUTHENTICATOR_REVOKED;
        }
        if (e instanceof TrustAnchorNotFoundException || e instanceof SelfAttestationProhibitedException) {
            return Reason.ATTESTATION_NOT_TRUSTED;
        }
        if (e instanceof BadAttestationStatementException
                || e instanceof BadSignatureException
                || e instanceof BadAlgorithmException
                || e instanceof BadAaguidException
                || e instanceof CertificateException
                || e instanceof KeyDescriptionValidationException
                || e instanceof PublicKeyMismatchException) {
            return Reason.ATTESTATION_INVALID;
        }
        return reasonFor(e);
    }

    static Reason reasonFor(VerificationException e) {
        if (e instanceof InconsistentClientDataTypeException) return Reason.WRONG_TYPE;
        if (e instanceof BadChallengeException || e instanceof MissingChallengeException)
            return Reason.CHALLENGE_MISMATCH;
        if (e instanceof BadOriginException) return Reason.ORIGIN_NOT_ALLOWED;
        if (e instanceof CrossOriginException || e instanceof BadTopOriginException)
            return Reason.CROSS_ORIGIN_NOT_ALLOWED;
        if (e instanceof BadRpIdException) return Reason.RP_ID_MISMATCH;
        if (e instanceof UserNotPresentException) return Reason.USER_NOT_PRESENT;
        if (e instanceof UserNotVerifiedException) return Reason.USER_NOT_VERIFIED;
        if (e instanceof BadSignatureException) return Reason.BAD_SIGNATURE;
        if (e instanceof NotAllowedAlgorithmException || e instanceof BadAlgorithmException)
            return Reason.ALGORITHM_NOT_ALLOWED;
        if (e instanceof MaliciousCounterValueException) return Reason.SIGN_COUNTER_REGRESSED;
        if (e instanceof BadBackupEligibleFlagException || e instanceof IllegalBackupStateException)
            return Reason.BACKUP_FLAGS_INVALID;
        if (e instanceof NotAllowedCredentialIdException) return Reason.CREDENTIAL_NOT_ALLOWED;
        if (e instanceof BadAttestationStatementException) return Reason.ATTESTATION_INVALID;
        return Reason.MALFORMED_RESPONSE;
    }
}
