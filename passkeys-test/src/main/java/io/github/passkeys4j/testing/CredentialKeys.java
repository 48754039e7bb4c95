package io.github.passkeys4j.testing;

import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/** Real keys and signatures from the JDK for each COSE algorithm the software authenticator makes. */
final class CredentialKeys {

    /** What the software authenticator can make: ES256, EdDSA, ES384, ES512, PS256, PS384, RS256, RS1. */
    static final List<Long> SUPPORTED = List.of(-7L, -8L, -35L, -36L, -37L, -38L, -257L, -65535L);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialKeys() {}

    static KeyPair generate(long algorithm) {
        try {
            KeyPairGenerator generator;
            if (algorithm == -8) {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } else if (algorithm == -7 || algorithm == -35 || algorithm == -36) {
                generator = KeyPairGenerator.getInstance("EC");
                String curve = algorithm == -7 ? "secp256r1" : algorithm == -35 ? "secp384r1" : "secp521r1";
                generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            } else if (SUPPORTED.contains(algorithm)) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
            } else {
                throw new IllegalArgumentException(
                        "the software authenticator cannot make COSE algorithm " + algorithm);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make keys for COSE algorithm " + algorithm, e);
        }
    }

    static COSEKey coseKey(KeyPair keyPair, long algorithm) {
        COSEAlgorithmIdentifier alg = COSEAlgorithmIdentifier.create(algorithm);
        if (keyPair.getPublic() instanceof ECPublicKey ec) {
            return EC2COSEKey.create(ec, alg);
        } else if (keyPair.getPublic() instanceof EdECPublicKey ed) {
            return EdDSACOSEKey.create(ed, alg);
        } else if (keyPair.getPublic() instanceof RSAPublicKey rsa) {
            return RSACOSEKey.create(rsa, alg);
        }
        throw new IllegalArgumentException("unknown key " + keyPair.getPublic());
    }

    /** A signature as WebAuthn carries it: ECDSA DER-encoded, EdDSA and RSA raw. */
    static byte[] sign(PrivateKey key, long algorithm, byte[] data) {
        try {
            Signature signature = switch ((int) algorithm) {
                case -7 -> Signature.getInstance("SHA256withECDSA");
                case -35 -> Signature.getInstance("SHA384withECDSA");
                case -36 -> Signature.getInstance("SHA512withECDSA");
                case -8 -> Signature.getInstance("Ed25519");
                case -257 -> Signature.getInstance("SHA256withRSA");
                case -65535 -> Signature.getInstance("SHA1withRSA");
                case -37 -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
                case -38 -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
                default -> throw new IllegalArgumentException("cannot sign with COSE algorithm " + algorithm);
            };
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** RSASSA-PSS as RFC 8230 §2 fixes it for COSE: MGF1 with the same hash, salt as long as the hash. */
    private static Signature pss(String hash, MGF1ParameterSpec mgf, int saltLength) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, saltLength, 1));
        return signature;
    }
}
