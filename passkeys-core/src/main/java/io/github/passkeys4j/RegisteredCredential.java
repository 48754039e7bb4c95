package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A registration verified by {@link RecordedCeremonies}: the new credential, its attestation statement checked. Binary
 * values are base64url, as in {@link Passkey}.
 *
 * @param credentialId      the credential ID
 * @param publicKey         the credential public key, a COSE_Key
 * @param signCount         the signature counter at registration
 * @param aaguid            the authenticator's AAGUID ({@link Passkey#NO_AAGUID} when it does not say)
 * @param transports        the transports the client reported (the spec's values only)
 * @param backupEligible    the BE flag
 * @param backupState       the BS flag
 * @param userVerified      the UV flag
 * @param attestationFormat the attestation statement format ("none", "packed", "tpm", …), its statement verified
 * @param discoverable      {@code credProps.rk}, {@code null} when the client did not say
 */
public record RegisteredCredential(
        String credentialId,
        String publicKey,
        long signCount,
        UUID aaguid,
        Set<String> transports,
        boolean backupEligible,
        boolean backupState,
        boolean userVerified,
        String attestationFormat,
        @Nullable Boolean discoverable) {

    public RegisteredCredential {
        transports = Set.copyOf(transports);
    }

    /** A passkey builder holding this credential, for the account with {@code userHandle}, made at {@code createdAt}. */
    public Passkey.Builder toPasskey(String userHandle, Instant createdAt) {
        return Passkey.builder()
                .credentialId(credentialId)
                .userHandle(userHandle)
                .publicKey(publicKey)
                .signCount(signCount)
                .aaguid(aaguid)
                .transports(transports)
                .backupEligible(backupEligible)
                .backupState(backupState)
                .uvInitialized(userVerified)
                .discoverable(discoverable)
                .attestationFormat(attestationFormat)
                .createdAt(createdAt);
    }
}
