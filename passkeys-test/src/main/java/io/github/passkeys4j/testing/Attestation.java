package io.github.passkeys4j.testing;

import com.webauthn4j.data.attestation.statement.AttestationCertificatePath;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Which attestation statement a {@link SoftwareAuthenticator} puts in its registrations, whatever the options ask
 * (like a browser passing an authenticator's statement through): {@link #none()} (the default), {@link #packedSelf()}
 * (signed with the new credential's own key), or {@link #packed} with an attestation key and its certificate chain
 * (for example from a test CA the test makes).
 */
public final class Attestation {

    final String format;
    final PrivateKey key;
    final long algorithm;
    final List<X509Certificate> chain;

    private Attestation(String format, PrivateKey key, long algorithm, List<X509Certificate> chain) {
        this.format = format;
        this.key = key;
        this.algorithm = algorithm;
        this.chain = chain;
    }

    /** No statement: format {@code none}. */
    public static Attestation none() {
        return new Attestation("none", null, 0, List.of());
    }

    /** Packed self attestation: {@code sig} by the credential's own key, no certificates. */
    public static Attestation packedSelf() {
        return new Attestation("packed", null, 0, List.of());
    }

    /**
     * Packed attestation with certificates ({@code x5c}): {@code sig} by {@code key}, whose certificate is the first of
     * {@code chain}. For a valid statement the certificate must meet WebAuthn Level 3 §8.2.1 (version 3, subject
     * OU "Authenticator Attestation", basic constraints CA false, and, when present, the id-fido-gen-ce-aaguid extension
     * naming the authenticator's AAGUID).
     *
     * @param algorithm the COSE algorithm of {@code key}, e.g. -7 for an EC P-256 key
     */
    public static Attestation packed(PrivateKey key, long algorithm, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(
                    "a packed statement with x5c needs at least the attestation certificate");
        }
        return new Attestation("packed", Objects.requireNonNull(key, "key"), algorithm, List.copyOf(chain));
    }

    /** The statement format, as in the attestation object's {@code fmt}. */
    public String format() {
        return format;
    }

    /** The statement over {@code authData || clientDataHash} (WebAuthn Level 3 §8.2), signed with real keys. */
    AttestationStatement statement(
            byte[] authData, byte[] clientDataHash, PrivateKey credentialKey, long credentialAlg, boolean corrupt) {
        if (format.equals("none")) {
            return new NoneAttestationStatement();
        }
        byte[] signed = ResponseJson.concat(authData, clientDataHash);
        if (corrupt) {
            // Signed over other bytes: a real signature that does not verify.
            signed[signed.length - 1] ^= 0x01;
        }
        if (key == null) {
            return new PackedAttestationStatement(
                    COSEAlgorithmIdentifier.create(credentialAlg),
                    CredentialKeys.sign(credentialKey, credentialAlg, signed),
                    null);
        }
        return new PackedAttestationStatement(
                COSEAlgorithmIdentifier.create(algorithm),
                CredentialKeys.sign(key, algorithm, signed),
                new AttestationCertificatePath(chain));
    }
}
