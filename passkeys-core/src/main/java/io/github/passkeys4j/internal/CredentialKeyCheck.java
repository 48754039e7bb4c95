package io.github.passkeys4j.internal;

import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.Curve;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.Map;

/**
 * The new credential's public key, as webauthn4j parsed it from the attested credential data, is one we are willing to
 * store: webauthn4j only checks that the COSE members are present. A point off its curve would let an attacker probe
 * for invalid-curve weaknesses, and an oversized RSA key makes every later sign-in attempt costly, so both are refused
 * before anything is stored.
 */
final class CredentialKeyCheck {

    static final int RSA_MIN_BITS = 2048;
    static final int RSA_MAX_BITS = 4096;
    static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);
    static final int ED25519_KEY_BYTES = 32;

    /** The curve each ECDSA algorithm signs on (RFC 9053 §2.1): ES256 is P-256 only, and so on. */
    private static final Map<COSEAlgorithmIdentifier, Curve> EC_CURVES = Map.of(
            COSEAlgorithmIdentifier.ES256, Curve.SECP256R1,
            COSEAlgorithmIdentifier.ES384, Curve.SECP384R1,
            COSEAlgorithmIdentifier.ES512, Curve.SECP521R1);

    private CredentialKeyCheck() {}

    static void check(COSEKey key) {
        if (key instanceof EC2COSEKey ec) {
            checkEc(ec);
        } else if (key instanceof RSACOSEKey rsa) {
            checkRsa(rsa);
        } else if (key instanceof EdDSACOSEKey ed) {
            checkEd25519(ed);
        } else {
            throw refused("a key type this relying party does not accept");
        }
    }

    private static void checkEc(EC2COSEKey key) {
        Curve expected = key.getAlgorithm() == null ? null : EC_CURVES.get(key.getAlgorithm());
        if (expected == null || key.getCurve() != expected) {
            throw refused("an EC key whose curve does not match its algorithm");
        }
        if (!(expected.getParameterSpec() instanceof ECParameterSpec params)) {
            throw refused("an EC key on an unknown curve");
        }
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = new BigInteger(1, key.getX());
        BigInteger y = new BigInteger(1, key.getY());
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw refused("an EC key whose coordinates lie outside its curve's field");
        }
        // y² = x³ + ax + b (mod p). The NIST curves have cofactor 1, so a point on the curve is in the right group.
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right =
                x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            throw refused("an EC key that is not a point on its curve");
        }
    }

    private static void checkRsa(RSACOSEKey key) {
        int bits = new BigInteger(1, key.getN()).bitLength();
        if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
            throw refused("an RSA key of " + bits + " bits (" + RSA_MIN_BITS + " to " + RSA_MAX_BITS + " accepted)");
        }
        if (!RSA_EXPONENT.equals(new BigInteger(1, key.getE()))) {
            throw refused("an RSA key whose public exponent is not 65537");
        }
    }

    private static void checkEd25519(EdDSACOSEKey key) {
        if (key.getCurve() != Curve.ED25519) {
            throw refused("an EdDSA key on a curve other than Ed25519");
        }
        if (key.getX() == null || key.getX().length != ED25519_KEY_BYTES) {
            throw refused("an Ed25519 key that is not " + ED25519_KEY_BYTES + " bytes");
        }
    }

    private static PasskeyException refused(String what) {
        return new PasskeyException(
                Reason.PUBLIC_KEY_NOT_ACCEPTED, "The passkey's public key is not accepted: " + what + ".");
    }
}
