package io.github.passkeys4j.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.webauthn4j.data.CoreAuthenticationData;
import com.webauthn4j.data.SignatureAlgorithm;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.verifier.AuthenticationDataVerifier;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.internal.AssertionSignatureVerifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The assertion signature check (WebAuthn Level 3 §7.2 steps 20-21) through BouncyCastle's JCA provider, which
 * verifies ES256 several times faster than the JDK's SunEC (≈5× on JDK 17, ≈2× on JDK 25), or for ES256 through
 * Amazon Corretto Crypto Provider when the app has it (faster still, {@link CorrettoCrypto}). Each provider is an
 * instance only this class uses, never registered with {@code java.security.Security}, so the host app's cryptography
 * is unchanged. webauthn4j 0.32 has no setting for the signature verifier; {@link #install} swaps it into a
 * verifier's final field (where the JVM allows that quietly), so every other check still runs in webauthn4j, in its
 * order, and the same failures give the same {@link BadSignatureException}.
 */
final class AssertionSignatures extends AssertionSignatureVerifier {

    /** Not in {@code java.security.Security}: looked up only by this instance. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    /**
     * ES256, nearly every passkey's algorithm: Amazon Corretto Crypto Provider when the app has it and it loads here
     * ({@link CorrettoCrypto}), else BouncyCastle. Also an instance only this class uses.
     */
    static final Provider ES256_PROVIDER = CorrettoCrypto.provider().orElse(PROVIDER);

    private static final AssertionSignatures INSTANCE = new AssertionSignatures();

    private static final System.Logger LOG = System.getLogger(AssertionSignatures.class.getName());
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** By the identity of the decoded key (weak: gone with it), so nothing here outlives {@link StoredKeys}' entry. */
    private static final Cache<COSEKey, PublicKey> PUBLIC_KEYS = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(StoredKeys.MAXIMUM_SIZE)
            .build();

    private AssertionSignatures() {}

    /**
     * Makes {@code verifier} check assertion signatures with {@link #PROVIDER}; false (and the JDK's providers stay)
     * when this webauthn4j has no such field, or it cannot be set. On JDK 26 and later it is not even tried unless the
     * JVM allows final-field writes ({@link FinalFieldWrites}): a library should not make the JVM print a warning
     * naming it, or fail where a later JDK denies such writes by default. Said once, at INFO, with the way to allow.
     */
    static boolean install(AuthenticationDataVerifier verifier) {
        if (!FinalFieldWrites.allowedQuietly()) {
            if (!TOLD.getAndSet(true)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "Passkey signatures are checked with the JDK's providers. BouncyCastle's faster check needs "
                                + "final-field writes on JDK 26 and later (JEP 500): start the JVM with "
                                + FinalFieldWrites.enablingOption() + " to use it.");
            }
            return false;
        }
        try {
            Field field = AuthenticationDataVerifier.class.getDeclaredField("assertionSignatureVerifier");
            if (field.getType() != AssertionSignatureVerifier.class) return false;
            field.setAccessible(true);
            field.set(verifier, INSTANCE);
            return field.get(verifier) == INSTANCE;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code verifier}'s assertion signatures go through {@link #PROVIDER}. */
    static boolean installedIn(AuthenticationDataVerifier verifier) {
        try {
            Field field = AuthenticationDataVerifier.class.getDeclaredField("assertionSignatureVerifier");
            field.setAccessible(true);
            return field.get(verifier) == INSTANCE;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** webauthn4j's own steps (same signed data, same refusal) with the provider instance. */
    @Override
    public void verify(CoreAuthenticationData authenticationData, COSEKey coseKey) {
        if (authenticationData == null || coseKey == null) {
            throw new IllegalArgumentException("authenticationData and coseKey must not be null");
        }
        if (!verifies(coseKey, authenticationData.getSignature(), getSignedData(authenticationData))) {
            throw new BadSignatureException("Assertion signature is not valid.");
        }
    }

    /** One signature over {@code data}; false for a wrong signature, a malformed one, or a key that cannot be used. */
    static boolean verifies(SignatureAlgorithm algorithm, PublicKey key, byte[] signature, byte[] data) {
        return verifies(providerFor(algorithm), algorithm, key, signature, data);
    }

    /** As {@link #verifies(SignatureAlgorithm, PublicKey, byte[], byte[])}, through {@code provider}. */
    static boolean verifies(
            Provider provider, SignatureAlgorithm algorithm, PublicKey key, byte[] signature, byte[] data) {
        try {
            Signature verifier = signature(provider, algorithm);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verifies(COSEKey coseKey, byte[] signature, byte[] data) {
        try { // a missing algorithm, key or signature, or an algorithm that signs nothing, fails as in webauthn4j
            return verifies(coseKey.getAlgorithm().toSignatureAlgorithm(), publicKey(coseKey), signature, data);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The COSE key as the provider's own key object, made once per decoded key ({@link StoredKeys} keeps those): the
     * JDK's key factory and the provider's conversion of the JDK's key cost more than the verification itself.
     */
    static PublicKey publicKey(COSEKey coseKey) {
        PublicKey key = PUBLIC_KEYS.getIfPresent(coseKey);
        if (key == null) {
            key = translated(coseKey.getPublicKey(), providerFor(coseKey.getAlgorithm()));
            PUBLIC_KEYS.put(coseKey, key);
        }
        return key;
    }

    private static PublicKey translated(PublicKey key, Provider provider) {
        try {
            // From its X.509 form, which names the curve (a translated key would carry the curve's parameters instead).
            return KeyFactory.getInstance(key.getAlgorithm(), provider)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key; // the provider takes the JDK's key as it is, only more slowly
        }
    }

    private static Provider providerFor(COSEAlgorithmIdentifier algorithm) {
        try {
            return algorithm == null ? PROVIDER : providerFor(algorithm.toSignatureAlgorithm());
        } catch (RuntimeException signsNothing) {
            return PROVIDER; // refused when checked, as in webauthn4j
        }
    }

    /** The provider instance that checks {@code algorithm}. */
    static Provider providerFor(SignatureAlgorithm algorithm) {
        return SignatureAlgorithm.ES256.equals(algorithm) ? ES256_PROVIDER : PROVIDER;
    }

    /** As webauthn4j's SignatureUtil.createSignature, with a provider instance (PSS: its fixed parameters). */
    static Signature signature(Provider provider, SignatureAlgorithm algorithm) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm.getJcaName(), provider);
        if (SignatureAlgorithm.PS256.equals(algorithm)) {
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        } else if (SignatureAlgorithm.PS384.equals(algorithm)) {
            signature.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
        } else if (SignatureAlgorithm.PS512.equals(algorithm)) {
            signature.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        }
        return signature;
    }
}
