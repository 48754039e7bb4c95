package io.github.passkeys4j.internal;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.SignatureAlgorithm;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored keys are decoded once and kept as the provider's own key objects (issue 13), and what is kept is exactly the
 * stored key: the same signatures verify and the same bad ones are refused as with a key decoded afresh, for every
 * key type; a different stored key is another entry; malformed bytes are refused every time, never kept.
 */
class StoredKeysTest {

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte[] DATA = "authenticatorData || SHA-256(clientDataJSON)".getBytes();

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(SignatureAlgorithm.ES256, COSEAlgorithmIdentifier.ES256, "EC", "secp256r1"),
                Arguments.of(SignatureAlgorithm.ES384, COSEAlgorithmIdentifier.ES384, "EC", "secp384r1"),
                Arguments.of(SignatureAlgorithm.ES512, COSEAlgorithmIdentifier.ES512, "EC", "secp521r1"),
                Arguments.of(SignatureAlgorithm.Ed25519, COSEAlgorithmIdentifier.EdDSA, "Ed25519", null),
                Arguments.of(SignatureAlgorithm.RS256, COSEAlgorithmIdentifier.RS256, "RSA", null),
                Arguments.of(SignatureAlgorithm.PS256, COSEAlgorithmIdentifier.PS256, "RSA", null));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void decodesOnceAndVerifiesAsAFreshlyDecodedKeyDoes(
            SignatureAlgorithm algorithm, COSEAlgorithmIdentifier cose, String type, String curve) throws Exception {
        KeyPair pair = generate(type, curve);
        String stored = stored(pair, cose);
        StoredKeys keys = new StoredKeys(CONVERTER);

        COSEKey first = keys.coseKey(stored);
        assertThat(keys.coseKey(stored)).isSameAs(first);
        assertThat(first).isEqualTo(decodedAfresh(stored));

        var kept = AssertionSignatures.publicKey(first);
        assertThat(AssertionSignatures.publicKey(first)).isSameAs(kept);
        assertThat(kept.getEncoded()).isEqualTo(pair.getPublic().getEncoded());

        byte[] signature = sign(algorithm, pair);
        byte[] flipped = signature.clone();
        flipped[flipped.length / 2] ^= 0x01;
        byte[] otherData = DATA.clone();
        otherData[0] ^= 0x01;
        assertThat(AssertionSignatures.verifies(algorithm, kept, signature, DATA))
                .isTrue();
        assertThat(AssertionSignatures.verifies(algorithm, kept, flipped, DATA)).isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, kept, signature, otherData))
                .isFalse();
        assertThat(AssertionSignatures.verifies(algorithm, kept, sign(algorithm, generate(type, curve)), DATA))
                .isFalse();
    }

    @Test
    void anotherStoredKeyIsAnotherEntry() throws Exception {
        StoredKeys keys = new StoredKeys(CONVERTER);
        COSEKey one = keys.coseKey(stored(generate("EC", "secp256r1"), COSEAlgorithmIdentifier.ES256));
        COSEKey two = keys.coseKey(stored(generate("EC", "secp256r1"), COSEAlgorithmIdentifier.ES256));

        assertThat(two).isNotEqualTo(one);
        assertThat(AssertionSignatures.publicKey(two).getEncoded())
                .isNotEqualTo(AssertionSignatures.publicKey(one).getEncoded());
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void malformedBytesAreRefusedEveryTimeAndNeverKept() {
        StoredKeys keys = new StoredKeys(CONVERTER);
        String notCose = Base64Url.encode(new byte[] {(byte) 0xa1, 0x01});

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.coseKey(notCose)).isInstanceOf(RuntimeException.class);
        }
        assertThat(keys.size()).isZero();
    }

    @Test
    void keepsNoMoreThanItsBound() throws Exception {
        StoredKeys keys = new StoredKeys(CONVERTER, 3);
        for (int i = 0; i < 8; i++) {
            keys.coseKey(stored(generate("EC", "secp256r1"), COSEAlgorithmIdentifier.ES256));
        }
        assertThat(keys.size()).isEqualTo(3);
    }

    private static COSEKey decodedAfresh(String stored) {
        return CONVERTER
                .getCborMapper()
                .readValue(
                        Base64Url.decode(stored),
                        com.webauthn4j.converter.jackson.deserializer.cbor.COSEKeyEnvelope.class)
                .getCOSEKey();
    }

    private static String stored(KeyPair pair, COSEAlgorithmIdentifier algorithm) {
        COSEKey key = switch (pair.getPublic().getAlgorithm()) {
            case "EC" -> EC2COSEKey.create((ECPublicKey) pair.getPublic(), algorithm);
            case "RSA" -> RSACOSEKey.create((RSAPublicKey) pair.getPublic(), algorithm);
            default -> EdDSACOSEKey.create((java.security.interfaces.EdECPublicKey) pair.getPublic(), algorithm);
        };
        return Base64Url.encode(CONVERTER.getCborMapper().writeValueAsBytes(key));
    }

    private static byte[] sign(SignatureAlgorithm algorithm, KeyPair pair) throws Exception {
        Signature signer = com.webauthn4j.util.SignatureUtil.createSignature(algorithm); // the JDK's providers
        signer.initSign(pair.getPrivate());
        signer.update(DATA);
        return signer.sign();
    }

    private static KeyPair generate(String type, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        if (curve != null) generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
