package io.github.passkeys4j.internal;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * A P-256 public key whose private key was thrown away at once, in the stored form of {@code Passkey.publicKey()}. A
 * username-first sign-in that names a credential nobody stored is verified against it, so it goes through the same
 * checks, and fails at the signature, as one naming a stored credential with a forged signature: the answer does not
 * tell an attacker which of the offered credential ids are real.
 */
public final class DecoyKey {

    private static final String KEY = make();

    private DecoyKey() {}

    /** The decoy key, base64url CBOR (COSE), the same for the life of the JVM. */
    public static String publicKey() {
        return KEY;
    }

    private static String make() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
            EC2COSEKey cose = EC2COSEKey.create(key, COSEAlgorithmIdentifier.ES256);
            return Base64Url.encode(new ObjectConverter().getCborMapper().writeValueAsBytes(cose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }
}
