package io.github.passkeys4j.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.SignatureAlgorithm;
import com.webauthn4j.verifier.AuthenticationDataVerifier;
import io.github.passkeys4j.AttestationTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BouncyCastle path for assertion signatures: signatures made by the JDK's own providers verify, and a signature
 * that is wrong, made by another key, over other bytes, malformed or empty is refused, under every algorithm; the
 * provider is an instance the verifier holds, never one added to {@link Security}.
 */
class AssertionSignaturesTest {

    private static final byte[] DATA = "authenticatorData || SHA-256(clientDataJSON)".getBytes();

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of(SignatureAlgorithm.ES256, "EC", "secp256r1"),
                Arguments.of(SignatureAlgorithm.ES384, "EC", "secp384r1"),
                Arguments.of(SignatureAlgorithm.ES512, "EC", "secp521r1"),
                Arguments.of(SignatureAlgorithm.Ed25519, "Ed25519", null),
                Arguments.of(SignatureAlgorithm.RS256, "RSA", null),
                Arguments.of(SignatureAlgorithm.RS1, "RSA", null),
                Arguments.of(SignatureAlgorithm.PS256, "RSA", null),
                Arguments.of(SignatureAlgorithm.PS384, "RSA", null),
                Arguments.of(SignatureAlgorithm.PS512, "RSA", null));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void verifiesTheJdksSignaturesAndRefusesEveryBadOne(SignatureAlgorithm algorithm, String keyType, String curve)
            throws Exception {
        KeyPair key = generate(keyType, curve);
        KeyPair other = generate(keyType, curve);
        byte[] signature = jdkSign(algorithm, key, DATA);

        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), signature, DATA))
                .isTrue();

        byte[] flipped = signature.clone();
        flipped[flipped.length / 2] ^= 0x01;
        byte[] otherData = DATA.clone();
        otherData[0] ^= 0x01;
        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), flipped, DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, other.getPublic(), signature, DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), signature, otherData))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), jdkSign(algorithm, other, DATA), DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(
                        algorithm, key.getPublic(), Arrays.copyOf(signature, signature.length - 1), DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), new byte[0], DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, key.getPublic(), null, DATA))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, null, signature, DATA))
                .isFalse();
    }

    /** DER that is not the one encoding of (r, s): extra bytes, a longer length, a negative r, trailing data. */
    @Test
    void refusesMalformedDerEcdsaSignatures() throws Exception {
        KeyPair key = generate("EC", "secp256r1");
        byte[] der = jdkSign(SignatureAlgorithm.ES256, key, DATA);
        assertThat(AssertionSignatures.verifies(SignatureAlgorithm.ES256, key.getPublic(), der, DATA))
                .isTrue();

        byte[] trailing = Arrays.copyOf(der, der.length + 1);
        byte[] wrongLength = der.clone();
        wrongLength[1]++;
        byte[] notASequence = der.clone();
        notASequence[0] = 0x31;
        byte[] raw = new byte[64]; // the P1363 r || s form a browser never sends
        for (byte[] malformed : List.of(trailing, wrongLength, notASequence, raw, new byte[] {0x30, 0x00})) {
            assertThat(AssertionSignatures.verifies(SignatureAlgorithm.ES256, key.getPublic(), malformed, DATA))
                    .isFalse();
        }
    }

    /**
     * Where Amazon Corretto Crypto Provider loads (this build has it on the test class path; it loads on Linux, where
     * CI runs), ES256 goes through it and everything else through BouncyCastle; neither is registered.
     */
    @Test
    void es256GoesThroughCorrettoWhereItLoads() throws Exception {
        // Its native library is built for Linux (the build picks the jar for this CPU); elsewhere BouncyCastle checks.
        assertThat(AssertionSignatures.ES256_PROVIDER.getName())
                .as("on %s", System.getProperty("os.name"))
                .isEqualTo(
                        System.getProperty("os.name").startsWith("Linux")
                                ? "AmazonCorrettoCryptoProvider"
                                : AssertionSignatures.PROVIDER.getName());
        assertThat(AssertionSignatures.providerFor(SignatureAlgorithm.ES256))
                .isSameAs(AssertionSignatures.ES256_PROVIDER);
        assertThat(AssertionSignatures.providerFor(SignatureAlgorithm.ES384)).isSameAs(AssertionSignatures.PROVIDER);
        assertThat(AssertionSignatures.providerFor(SignatureAlgorithm.RS256)).isSameAs(AssertionSignatures.PROVIDER);
        assertThat(Security.getProvider("AmazonCorrettoCryptoProvider")).isNull();
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider())
                .isNotSameAs(AssertionSignatures.ES256_PROVIDER);
    }

    /** BouncyCastle (the fallback) and Corretto give the same answer to every ES256 signature, good or bad. */
    @Test
    void bothEs256ProvidersAgreeOnEverySignature() throws Exception {
        KeyPair key = generate("EC", "secp256r1");
        KeyPair other = generate("EC", "secp256r1");
        byte[] der = jdkSign(SignatureAlgorithm.ES256, key, DATA);
        byte[] flipped = der.clone();
        flipped[der.length / 2] ^= 0x01;
        byte[] trailing = Arrays.copyOf(der, der.length + 1);
        byte[] wrongLength = der.clone();
        wrongLength[1]++;
        byte[] notASequence = der.clone();
        notASequence[0] = 0x31;
        for (java.security.Provider provider :
                List.of(AssertionSignatures.PROVIDER, AssertionSignatures.ES256_PROVIDER)) {
            assertThat(AssertionSignatures.verifies(provider, SignatureAlgorithm.ES256, key.getPublic(), der, DATA))
                    .as(provider.getName())
                    .isTrue();
            assertThat(AssertionSignatures.verifies(provider, SignatureAlgorithm.ES256, other.getPublic(), der, DATA))
                    .as(provider.getName() + ", another key")
                    .isFalse();
            assertThat(AssertionSignatures.verifies(
                            provider, SignatureAlgorithm.ES256, key.getPublic(), der, "other".getBytes()))
                    .as(provider.getName() + ", other bytes")
                    .isFalse();
            for (byte[] bad : List.of(flipped, trailing, wrongLength, notASequence, new byte[64], new byte[0])) {
                assertThat(AssertionSignatures.verifies(provider, SignatureAlgorithm.ES256, key.getPublic(), bad, DATA))
                        .as(provider.getName() + ", a bad signature")
                        .isFalse();
            }
            assertThat(AssertionSignatures.verifies(provider, SignatureAlgorithm.ES256, key.getPublic(), null, DATA))
                    .isFalse();
            assertThat(AssertionSignatures.verifies(provider, SignatureAlgorithm.ES256, null, der, DATA))
                    .isFalse();
        }
    }

    @Test
    void ourVerifierUsesTheProviderInstanceWithoutRegisteringIt() throws Exception {
        WebAuthn4jVerifier verifier = new WebAuthn4jVerifier(
                "example.com",
                Set.of("https://example.com"),
                true,
                List.of(-7L),
                Clock.systemUTC(),
                AttestationTrust.any());
        Field manager = WebAuthn4jVerifier.class.getDeclaredField("manager");
        manager.setAccessible(true);

        // Installed wherever the JVM allows it quietly: any JDK before 26 (CI's), later ones when told so.
        assertThat(AssertionSignatures.installedIn(
                        ((WebAuthnManager) manager.get(verifier)).getAuthenticationDataVerifier()))
                .isEqualTo(FinalFieldWrites.allowedQuietly());
        assertThat(AssertionSignatures.installedIn(new AuthenticationDataVerifier()))
                .isFalse();
        assertThat(Security.getProvider(AssertionSignatures.PROVIDER.getName())).isNull();
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider()).isNotSameAs(AssertionSignatures.PROVIDER);
    }

    private static KeyPair generate(String type, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else if (type.equals("RSA")) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** Signed by the JDK's providers (SunEC, SunRsaSign), as webauthn4j's own code would verify it. */
    private static byte[] jdkSign(SignatureAlgorithm algorithm, KeyPair key, byte[] data) throws Exception {
        Signature signer = com.webauthn4j.util.SignatureUtil.createSignature(algorithm);
        signer.initSign(key.getPrivate());
        signer.update(data);
        return signer.sign();
    }
}
