package io.github.passkeys4j.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What a {@link SoftwareAuthenticator} should do differently for one call, to produce each bad response a relying party
 * must refuse. Start from {@code new Tamper()} (changes nothing) and chain what you need:
 *
 * <pre>{@code
 * authenticator.authenticate(options, ORIGIN, new Tamper().userVerified(false).signCount(3));
 * }</pre>
 *
 * Everything not set keeps the honest value. Knobs that make no sense for a ceremony (a user handle in a registration)
 * are ignored by it. The signature always covers the tampered data unless {@link #corruptSignature()} is set, so each
 * knob trips exactly one check.
 */
public final class Tamper {

    String credentialType;
    String clientDataType;
    String challenge;
    String origin;
    Boolean crossOrigin;
    String topOrigin;
    String rpId;
    Boolean userPresent;
    Boolean userVerified;
    Boolean backupEligible;
    Boolean backupState;
    Long signCount;
    boolean corruptSignature;
    String userHandle;
    boolean omitUserHandle;
    String credentialId;
    String useCredential;
    UUID aaguid;
    List<String> transports;
    String authenticatorAttachment = "platform";
    Boolean credPropsRk = Boolean.TRUE;
    CoseKey publicKey;
    UnaryOperator<byte[]> clientDataRewrite = UnaryOperator.identity();
    UnaryOperator<byte[]> authenticatorDataRewrite = UnaryOperator.identity();

    /**
     * A credential public key as a registration response carries it (COSE, RFC 9052 §7), made of raw members so a
     * test can build keys no honest authenticator would: an EC point off its curve, an RSA key of any size.
     */
    record CoseKey(int keyType, long algorithm, Integer curve, byte[] x, byte[] y, BigInteger n, BigInteger e) {}

    /** A spec that changes nothing. */
    public Tamper() {}

    /** The credential's {@code type} member (honest: {@code "public-key"}). */
    public Tamper credentialType(String type) {
        this.credentialType = type;
        return this;
    }

    /** {@code clientDataJSON.type} (honest: {@code webauthn.create} / {@code webauthn.get}). */
    public Tamper clientDataType(String type) {
        this.clientDataType = type;
        return this;
    }

    /** {@code clientDataJSON.challenge}, base64url (honest: the options' challenge). */
    public Tamper challenge(String challenge) {
        this.challenge = challenge;
        return this;
    }

    /** {@code clientDataJSON.origin} (honest: the origin given to the call). */
    public Tamper origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** {@code clientDataJSON.crossOrigin} (honest: {@code false}). */
    public Tamper crossOrigin(boolean crossOrigin) {
        this.crossOrigin = crossOrigin;
        return this;
    }

    /** Adds {@code clientDataJSON.topOrigin} (honest: absent); set {@link #crossOrigin} too for a browser-like iframe. */
    public Tamper topOrigin(String topOrigin) {
        this.topOrigin = topOrigin;
        return this;
    }

    /** The RP ID whose SHA-256 goes into {@code rpIdHash} (honest: the options' RP ID). */
    public Tamper rpId(String rpId) {
        this.rpId = rpId;
        return this;
    }

    /** The UP flag (honest: set). */
    public Tamper userPresent(boolean userPresent) {
        this.userPresent = userPresent;
        return this;
    }

    /** The UV flag (honest: set). */
    public Tamper userVerified(boolean userVerified) {
        this.userVerified = userVerified;
        return this;
    }

    /** The BE flag (honest: set, like a synced passkey). */
    public Tamper backupEligible(boolean backupEligible) {
        this.backupEligible = backupEligible;
        return this;
    }

    /** The BS flag (honest: set, like a synced passkey). */
    public Tamper backupState(boolean backupState) {
        this.backupState = backupState;
        return this;
    }

    /**
     * The signature counter this response reports; the authenticator's counter for the credential becomes this value
     * (as if it had been reset or cloned), and later calls count on from it.
     */
    public Tamper signCount(long signCount) {
        if (signCount < 0 || signCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a signature counter is an unsigned 32-bit number");
        }
        this.signCount = signCount;
        return this;
    }

    /**
     * Makes the assertion signature, or in a registration the attestation statement's signature (see
     * {@link SoftwareAuthenticator#withAttestation}), a valid signature over different bytes, so it does not verify.
     */
    public Tamper corruptSignature() {
        this.corruptSignature = true;
        return this;
    }

    /** The assertion's {@code response.userHandle}, base64url (honest: the credential owner's). */
    public Tamper userHandle(String userHandle) {
        this.userHandle = Objects.requireNonNull(userHandle, "userHandle");
        this.omitUserHandle = false;
        return this;
    }

    /** Leaves {@code response.userHandle} out of the assertion, as a non-discoverable credential would. */
    public Tamper omitUserHandle() {
        this.omitUserHandle = true;
        this.userHandle = null;
        return this;
    }

    /**
     * The credential ID, base64url. In a registration the new credential gets this ID (to collide with an existing
     * one); in an authentication the response's {@code id}/{@code rawId} carry it while the real credential signs.
     */
    public Tamper credentialId(String credentialId) {
        this.credentialId = credentialId;
        return this;
    }

    /** Authentication: sign with this held credential (base64url ID), whatever {@code allowCredentials} says. */
    public Tamper useCredential(String credentialId) {
        this.useCredential = credentialId;
        return this;
    }

    /** Registration: the AAGUID in the attested credential data (honest: the authenticator's). */
    public Tamper aaguid(UUID aaguid) {
        this.aaguid = aaguid;
        return this;
    }

    /**
     * Registration: an EC2 public key (COSE kty 2) with these members instead of the authenticator's real P-256 key;
     * {@code curve} is the COSE curve (1 = P-256), {@code x}/{@code y} the coordinates, big-endian.
     */
    public Tamper ec2PublicKey(long algorithm, int curve, byte[] x, byte[] y) {
        this.publicKey = new CoseKey(2, algorithm, curve, x.clone(), y.clone(), null, null);
        return this;
    }

    /** Registration: an RSA public key (COSE kty 3) with this modulus and exponent instead of the real key. */
    public Tamper rsaPublicKey(long algorithm, BigInteger modulus, BigInteger exponent) {
        this.publicKey = new CoseKey(3, algorithm, null, null, null, modulus, exponent);
        return this;
    }

    /** Registration: an OKP public key (COSE kty 1; curve 6 = Ed25519) with these bytes instead of the real key. */
    public Tamper okpPublicKey(long algorithm, int curve, byte[] x) {
        this.publicKey = new CoseKey(1, algorithm, curve, x.clone(), null, null, null);
        return this;
    }

    /** Registration: {@code response.transports} (honest: {@link SoftwareAuthenticator#DEFAULT_TRANSPORTS}). */
    public Tamper transports(String... transports) {
        this.transports = List.of(transports);
        return this;
    }

    /** The credential's {@code authenticatorAttachment} (honest: "platform"); {@code null} leaves it out. */
    public Tamper authenticatorAttachment(String attachment) {
        this.authenticatorAttachment = attachment;
        return this;
    }

    /**
     * Authentication: the {@code clientDataJSON} bytes the authenticator sends and signs, made from the honest ones (after
     * the other knobs); for fuzzing the server's parsing behind a valid signature.
     */
    public Tamper rewriteClientData(UnaryOperator<byte[]> rewrite) {
        this.clientDataRewrite = Objects.requireNonNull(rewrite, "rewrite");
        return this;
    }

    /**
     * Authentication: the {@code authenticatorData} bytes the authenticator sends and signs, made from the honest ones
     * (after the other knobs); for fuzzing the server's parsing behind a valid signature.
     */
    public Tamper rewriteAuthenticatorData(UnaryOperator<byte[]> rewrite) {
        this.authenticatorDataRewrite = Objects.requireNonNull(rewrite, "rewrite");
        return this;
    }

    /** Registration: {@code credProps.rk} when the options ask for it (honest: true); {@code null} leaves it out. */
    public Tamper credPropsRk(Boolean rk) {
        this.credPropsRk = rk;
        return this;
    }
}
