package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A new passkey's public key is checked before it is stored; its transports are trimmed to the spec's values. */
class PublicKeyCheckTest {

    private static final long ES256 = -7;
    private static final long ES384 = -35;
    private static final long EDDSA = -8;
    private static final long RS256 = -257;
    private static final int P256 = 1;
    private static final int ED25519 = 6;
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Fixture fx = new Fixture();

    private void assertRefused(Reason reason, Tamper tamper) {
        String response = fx.registrationResponse("alice", tamper);
        fx.assertRefused(reason, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    private Passkey register(Tamper tamper) {
        return fx.rp.finishRegistration(FinishRegistration.of("alice", fx.registrationResponse("alice", tamper)));
    }

    @Test
    void refusesAnEcPointOffTheCurve() throws Exception {
        ECPublicKey real = (ECPublicKey) ecKeyPair().getPublic();
        byte[] x = coordinate(real.getW().getAffineX());
        byte[] y = coordinate(real.getW().getAffineY().add(BigInteger.ONE));
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().ec2PublicKey(ES256, P256, x, y));
    }

    @Test
    void refusesAnEcPointWithCoordinatesOutsideTheField() {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().ec2PublicKey(ES256, P256, ones, ones));
    }

    @Test
    void acceptsARealP256PointGivenAsRawMembers() throws Exception {
        ECPublicKey real = (ECPublicKey) ecKeyPair().getPublic();
        Passkey passkey = register(new Tamper()
                .ec2PublicKey(
                        ES256,
                        P256,
                        coordinate(real.getW().getAffineX()),
                        coordinate(real.getW().getAffineY())));
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void refusesAnAlgorithmTheRelyingPartyDoesNotOffer() throws Exception {
        Fixture es256Only = new Fixture(builder -> builder.algorithms(java.util.List.of(CoseAlgorithm.ES256)));
        ECPublicKey real = (ECPublicKey) ecKeyPair().getPublic();
        String response = es256Only.registrationResponse(
                "alice",
                new Tamper()
                        .ec2PublicKey(
                                ES384,
                                P256,
                                coordinate(real.getW().getAffineX()),
                                coordinate(real.getW().getAffineY())));

        es256Only.assertRefused(
                Reason.ALGORITHM_NOT_ALLOWED,
                () -> es256Only.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(es256Only.users.findByUsername("alice")).isEmpty();
    }

    @Test
    void refusesA1024BitRsaKey() {
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().rsaPublicKey(RS256, modulus(1024), F4));
    }

    @Test
    void refusesAn8192BitRsaKey() {
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().rsaPublicKey(RS256, modulus(8192), F4));
    }

    @Test
    void refusesAnRsaKeyWithExponent3() {
        assertRefused(
                Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().rsaPublicKey(RS256, modulus(2048), BigInteger.valueOf(3)));
    }

    @Test
    void acceptsA2048BitRsaKeyWithExponent65537() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        Passkey passkey = register(new Tamper().rsaPublicKey(RS256, key.getModulus(), key.getPublicExponent()));
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void refusesAnEd25519KeyOfTheWrongLength() {
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().okpPublicKey(EDDSA, ED25519, randomBytes(31)));
        assertRefused(Reason.PUBLIC_KEY_NOT_ACCEPTED, new Tamper().okpPublicKey(EDDSA, ED25519, randomBytes(33)));
    }

    @Test
    void acceptsA32ByteEd25519Key() {
        Passkey passkey = register(new Tamper().okpPublicKey(EDDSA, ED25519, randomBytes(32)));
        assertThat(fx.stored(passkey.credentialId())).isEqualTo(passkey);
    }

    @Test
    void keepsOnlyTheSpecsTransportsEachOnce() {
        String[] reported = IntStream.range(0, 2_500)
                .mapToObj(i -> i % 5 == 0 ? "usb" : i % 7 == 0 ? "hybrid" : "made-up-" + i)
                .toArray(String[]::new);
        Passkey passkey = register(new Tamper().transports(reported));
        assertThat(passkey.transports()).containsExactlyInAnyOrder("hybrid", "usb");
        assertThat(fx.stored(passkey.credentialId()).transports()).containsExactlyInAnyOrder("hybrid", "usb");
    }

    @Test
    void dropsEveryTransportWhenNoneIsKnown() {
        String[] reported = Collections.nCopies(2_500, "carrier-pigeon").toArray(String[]::new);
        assertThat(register(new Tamper().transports(reported)).transports()).isEmpty();
    }

    @Test
    void keepsAllSixKnownTransports() {
        Passkey passkey = register(new Tamper().transports("usb", "nfc", "ble", "smart-card", "hybrid", "internal"));
        assertThat(passkey.transports())
                .containsExactlyInAnyOrder("usb", "nfc", "ble", "smart-card", "hybrid", "internal");
    }

    private static java.security.KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An odd number of exactly {@code bits} bits: the checks look at size and exponent, not at primality. */
    private static BigInteger modulus(int bits) {
        return new BigInteger(bits - 1, RANDOM).setBit(bits - 1).setBit(0);
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
