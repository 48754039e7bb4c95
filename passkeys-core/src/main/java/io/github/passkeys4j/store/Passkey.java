package io.github.passkeys4j.store;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored passkey: the credential record of WebAuthn Level 3 §4 plus what people need to manage it. Binary values are
 * base64url without padding, exactly as they travel in the W3C JSON forms. Immutable; a store builds one with
 * {@link #builder()} (required: credential ID, user handle, public key, created-at) and the library changes one with
 * {@link #toBuilder()}, so fields can be added without breaking stores.
 */
public final class Passkey {

    /** The AAGUID of an authenticator that does not say which it is. */
    public static final UUID NO_AAGUID = new UUID(0, 0);

    private final String credentialId;
    private final String userHandle;
    private final String publicKey;
    private final long signCount;
    private final UUID aaguid;
    private final Set<String> transports;
    private final boolean backupEligible;
    private final boolean backupState;
    private final boolean uvInitialized;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final String name;
    private final boolean enabled;
    private final String authenticatorAttachment;
    private final Boolean discoverable;
    private final String attestationFormat;
    private final String attestationObject;
    private final String clientDataJSON;
    private final boolean attestationTrusted;

    private Passkey(Builder b) {
        credentialId = Objects.requireNonNull(b.credentialId, "credentialId");
        userHandle = Objects.requireNonNull(b.userHandle, "userHandle");
        publicKey = Objects.requireNonNull(b.publicKey, "publicKey");
        createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        if (b.signCount < 0) {
            throw new IllegalArgumentException("signCount must not be negative");
        }
        signCount = b.signCount;
        aaguid = b.aaguid == null ? NO_AAGUID : b.aaguid;
        transports = b.transports == null ? Set.of() : Set.copyOf(b.transports);
        backupEligible = b.backupEligible;
        backupState = b.backupState;
        uvInitialized = b.uvInitialized;
        lastUsedAt = b.lastUsedAt;
        name = b.name == null ? "" : b.name;
        enabled = b.enabled;
        authenticatorAttachment = b.authenticatorAttachment;
        discoverable = b.discoverable;
        attestationFormat = b.attestationFormat;
        attestationObject = b.attestationObject;
        clientDataJSON = b.clientDataJSON;
        attestationTrusted = b.attestationTrusted;
    }

    /** A builder with nothing set; {@code enabled} starts {@code true}, every other flag {@code false}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this passkey. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The credential ID. */
    public String credentialId() {
        return credentialId;
    }

    /** The WebAuthn user handle of the owner (see {@link PasskeyUser}). */
    public String userHandle() {
        return userHandle;
    }

    /** The credential public key as a COSE_Key (RFC 9052). */
    public String publicKey() {
        return publicKey;
    }

    /** The last signature counter seen (0 when the authenticator does not count). */
    public long signCount() {
        return signCount;
    }

    /** The authenticator's AAGUID, {@link #NO_AAGUID} when the authenticator does not say. */
    public UUID aaguid() {
        return aaguid;
    }

    /** The transports the browser reported at registration ("internal", "hybrid", "usb", …); never null. */
    public Set<String> transports() {
        return transports;
    }

    /** The BE flag at registration: the passkey can be synced. */
    public boolean backupEligible() {
        return backupEligible;
    }

    /** The BS flag at the last use: the passkey is synced now. */
    public boolean backupState() {
        return backupState;
    }

    /** Whether the authenticator has ever verified the user for this credential. */
    public boolean uvInitialized() {
        return uvInitialized;
    }

    /** When the passkey was registered. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When it last signed in, or {@code null} when never. */
    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** The name the user gave (or one made from the provider's name); never null. */
    public String name() {
        return name;
    }

    /** A disabled passkey cannot sign in. */
    public boolean enabled() {
        return enabled;
    }

    /** The response's {@code authenticatorAttachment}: "platform", "cross-platform", or {@code null} when not said. */
    public @Nullable String authenticatorAttachment() {
        return authenticatorAttachment;
    }

    /** Whether it is a discoverable credential ({@code credProps.rk}); {@code null} when the client did not say. */
    public @Nullable Boolean discoverable() {
        return discoverable;
    }

    /** The attestation statement format ("none", "packed", …); {@code null} when not known (stored before 0.1). */
    public @Nullable String attestationFormat() {
        return attestationFormat;
    }

    /** The raw attestation object (base64url), kept only with {@code keepAttestation(true)}; else {@code null}. */
    public @Nullable String attestationObject() {
        return attestationObject;
    }

    /** The raw registration {@code clientDataJSON} (base64url), kept only with {@code keepAttestation(true)}. */
    public @Nullable String clientDataJSON() {
        return clientDataJSON;
    }

    /**
     * Whether its attestation statement chained to a root the relying party trusted at registration
     * ({@code AttestationTrust.roots}); {@code false} under the default policy and for passkeys stored before 0.1.
     */
    public boolean attestationTrusted() {
        return attestationTrusted;
    }

    /** This passkey after a successful sign-in. */
    public Passkey usedAt(Instant when, long newSignCount, boolean newBackupState, boolean userVerified) {
        return toBuilder()
                .lastUsedAt(when)
                .signCount(newSignCount)
                .backupState(newBackupState)
                .uvInitialized(uvInitialized || userVerified)
                .build();
    }

    /** This passkey under another name. */
    public Passkey withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** This passkey enabled or disabled. */
    public Passkey withEnabled(boolean newEnabled) {
        return toBuilder().enabled(newEnabled).build();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Passkey p
                && signCount == p.signCount
                && backupEligible == p.backupEligible
                && backupState == p.backupState
                && uvInitialized == p.uvInitialized
                && enabled == p.enabled
                && attestationTrusted == p.attestationTrusted
                && credentialId.equals(p.credentialId)
                && userHandle.equals(p.userHandle)
                && publicKey.equals(p.publicKey)
                && aaguid.equals(p.aaguid)
                && transports.equals(p.transports)
                && createdAt.equals(p.createdAt)
                && Objects.equals(lastUsedAt, p.lastUsedAt)
                && name.equals(p.name)
                && Objects.equals(authenticatorAttachment, p.authenticatorAttachment)
                && Objects.equals(discoverable, p.discoverable)
                && Objects.equals(attestationFormat, p.attestationFormat)
                && Objects.equals(attestationObject, p.attestationObject)
                && Objects.equals(clientDataJSON, p.clientDataJSON);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentialId, userHandle, signCount, lastUsedAt, name, enabled);
    }

    /** Every field but the raw attestation, which is only said to be there. */
    @Override
    public String toString() {
        return "Passkey[credentialId=" + credentialId + ", userHandle=" + userHandle + ", publicKey=" + publicKey
                + ", signCount=" + signCount + ", aaguid=" + aaguid + ", transports=" + transports
                + ", backupEligible=" + backupEligible + ", backupState=" + backupState + ", uvInitialized="
                + uvInitialized + ", createdAt=" + createdAt + ", lastUsedAt=" + lastUsedAt + ", name=" + name
                + ", enabled=" + enabled + ", authenticatorAttachment=" + authenticatorAttachment + ", discoverable="
                + discoverable + ", attestationFormat=" + attestationFormat + ", attestationTrusted="
                + attestationTrusted
                + ", attestationKept=" + (attestationObject != null) + "]";
    }

    /** Builds a {@link Passkey}; {@link #build()} checks the required fields. */
    public static final class Builder {
        private String credentialId;
        private String userHandle;
        private String publicKey;
        private long signCount;
        private UUID aaguid;
        private Set<String> transports;
        private boolean backupEligible;
        private boolean backupState;
        private boolean uvInitialized;
        private Instant createdAt;
        private Instant lastUsedAt;
        private String name;
        private boolean enabled = true;
        private String authenticatorAttachment;
        private Boolean discoverable;
        private String attestationFormat;
        private String attestationObject;
        private String clientDataJSON;
        private boolean attestationTrusted;

        private Builder() {}

        private Builder(Passkey p) {
            credentialId = p.credentialId;
            userHandle = p.userHandle;
            publicKey = p.publicKey;
            signCount = p.signCount;
            aaguid = p.aaguid;
            transports = p.transports;
            backupEligible = p.backupEligible;
            backupState = p.backupState;
            uvInitialized = p.uvInitialized;
            createdAt = p.createdAt;
            lastUsedAt = p.lastUsedAt;
            name = p.name;
            enabled = p.enabled;
            authenticatorAttachment = p.authenticatorAttachment;
            discoverable = p.discoverable;
            attestationFormat = p.attestationFormat;
            attestationObject = p.attestationObject;
            clientDataJSON = p.clientDataJSON;
            attestationTrusted = p.attestationTrusted;
        }

        /** Required. */
        public Builder credentialId(String value) {
            credentialId = value;
            return this;
        }

        /** Required. */
        public Builder userHandle(String value) {
            userHandle = value;
            return this;
        }

        /** Required: the COSE_Key, base64url. */
        public Builder publicKey(String value) {
            publicKey = value;
            return this;
        }

        /** Default 0; never negative. */
        public Builder signCount(long value) {
            signCount = value;
            return this;
        }

        /** Default (and for {@code null}) {@link #NO_AAGUID}. */
        public Builder aaguid(@Nullable UUID value) {
            aaguid = value;
            return this;
        }

        /** Default (and for {@code null}) none. */
        public Builder transports(@Nullable Set<String> value) {
            transports = value;
            return this;
        }

        /** Default {@code false}. */
        public Builder backupEligible(boolean value) {
            backupEligible = value;
            return this;
        }

        /** Default {@code false}. */
        public Builder backupState(boolean value) {
            backupState = value;
            return this;
        }

        /** Default {@code false}. */
        public Builder uvInitialized(boolean value) {
            uvInitialized = value;
            return this;
        }

        /** Required. */
        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** Default {@code null}: never used. */
        public Builder lastUsedAt(@Nullable Instant value) {
            lastUsedAt = value;
            return this;
        }

        /** Default (and for {@code null}) the empty name. */
        public Builder name(@Nullable String value) {
            name = value;
            return this;
        }

        /** Default {@code true}. */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** Default {@code null}: not said. */
        public Builder authenticatorAttachment(@Nullable String value) {
            authenticatorAttachment = value;
            return this;
        }

        /** Default {@code null}: not known. */
        public Builder discoverable(@Nullable Boolean value) {
            discoverable = value;
            return this;
        }

        /** Default {@code null}: not known. */
        public Builder attestationFormat(@Nullable String value) {
            attestationFormat = value;
            return this;
        }

        /** Default {@code null}: not kept. */
        public Builder attestationObject(@Nullable String value) {
            attestationObject = value;
            return this;
        }

        /** Default {@code null}: not kept. */
        public Builder clientDataJSON(@Nullable String value) {
            clientDataJSON = value;
            return this;
        }

        /** Default {@code false}: not chained to a trusted root (or not known). */
        public Builder attestationTrusted(boolean value) {
            attestationTrusted = value;
            return this;
        }

        /** @throws NullPointerException when a required field is missing */
        public Passkey build() {
            return new Passkey(this);
        }
    }
}
