package io.github.passkeys4j.internal;

import io.github.passkeys4j.AttestationTrust;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;

import java.util.UUID;

/** The parts of an {@link AttestationTrust} webauthn4j does not check: no statement at all, and the AAGUID list. */
final class TrustChecks {

    private TrustChecks() {}

    static void check(AttestationTrust trust, String format, UUID aaguid) {
        if (trust.requiresTrustedChain() && "none".equals(format)) {
            throw new PasskeyException(
                    Reason.ATTESTATION_NOT_TRUSTED,
                    Reason.ATTESTATION_NOT_TRUSTED.message()
                            + " It brought no attestation statement: ask for direct attestation"
                            + " (the attestation setting).");
        }
        if (!trust.allowedAaguids().isEmpty() && !trust.allowedAaguids().contains(aaguid)) {
            throw new PasskeyException(
                    Reason.ATTESTATION_NOT_TRUSTED,
                    Reason.ATTESTATION_NOT_TRUSTED.message() + " Its AAGUID " + aaguid
                            + " is not in the allowed list.");
        }
    }
}
