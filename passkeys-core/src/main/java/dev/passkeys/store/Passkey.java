package dev.passkeys.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored passkey: the credential record of WebAuthn Level 3 §4 plus what people need to manage it. Binary values are
 * base64url without padding, exactly as they travel in the W3C JSON forms.
 *
 * @param credentialId   the credential ID
 * @param userHandle     the WebAuthn user handle of the owner (see {@link PasskeyUser})
 * @param publicKey      the credential public key as a COSE_Key (RFC 9052)
 * @param signCount      the last signature counter seen (0 when the authenticator does not count)
 * @param aaguid         the authenticator's AAGUID, all zeros when the authenticator does not say
 * @param transports     the transports the browser reported at registration ("internal", "hybrid", "usb", …)
 * @param backupEligible the BE flag at registration: the passkey can be synced
 * @param backupState    the BS flag at the last use: the passkey is synced now
 * @param uvInitialized  whether the authenticator has ever verified the user for this credential
 * @param createdAt      when the passkey was registered
 * @param lastUsedAt     when it last signed in, or {@code null} when never
 * @param name           the name the user gave (or one made from the provider's name)
 * @param enabled        a disabled passkey cannot sign in
 */
public record Passkey(
        String credentialId,
        String userHandle,
        String publicKey,
        long signCount,
        UUID aaguid,
        Set<String> transports,
        boolean backupEligible,
        boolean backupState,
        boolean uvInitialized,
        Instant createdAt,
        Instant lastUsedAt,
        String name,
        boolean enabled) {

    public static final UUID NO_AAGUID = new UUID(0, 0);

    public Passkey {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        aaguid = aaguid == null ? NO_AAGUID : aaguid;
        transports = transports == null ? Set.of() : Set.copyOf(transports);
        name = name == null ? "" : name;
        if (signCount < 0) {
            throw new IllegalArgumentException("signCount must not be negative");
        }
    }

    /** This passkey after a successful sign-in. */
    public Passkey usedAt(Instant when, long newSignCount, boolean newBackupState, boolean userVerified) {
        return new Passkey(credentialId, userHandle, publicKey, newSignCount, aaguid, transports, backupEligible,
                newBackupState, uvInitialized || userVerified, createdAt, when, name, enabled);
    }

    public Passkey withName(String newName) {
        return new Passkey(credentialId, userHandle, publicKey, signCount, aaguid, transports, backupEligible,
                backupState, uvInitialized, createdAt, lastUsedAt, newName, enabled);
    }

    public Passkey withEnabled(boolean newEnabled) {
        return new Passkey(credentialId, userHandle, publicKey, signCount, aaguid, transports, backupEligible,
                backupState, uvInitialized, createdAt, lastUsedAt, name, newEnabled);
    }
}
