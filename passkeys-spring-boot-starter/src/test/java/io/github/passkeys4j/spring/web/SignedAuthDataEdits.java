package io.github.passkeys4j.spring.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Arrays;

import static io.github.passkeys4j.spring.web.CborEdits.AT;
import static io.github.passkeys4j.spring.web.CborEdits.BE;
import static io.github.passkeys4j.spring.web.CborEdits.ED;
import static io.github.passkeys4j.spring.web.CborEdits.FLAGS;
import static io.github.passkeys4j.spring.web.CborEdits.UP;
import static io.github.passkeys4j.spring.web.CborEdits.UV;
import static io.github.passkeys4j.spring.web.CborEdits.concat;

/**
 * Changes to an assertion's authenticator data that the software authenticator then signs ({@code
 * Tamper.rewriteAuthenticatorData}), so they reach the server's parsing behind a valid signature; each knows whether
 * the server must refuse it.
 */
final class SignedAuthDataEdits {

    private SignedAuthDataEdits() {}

    /** A change to an assertion's authenticator data before the authenticator signs it. */
    sealed interface SignedAuthDataEdit {
        byte[] apply(byte[] authData);

        boolean mustRefuse();
    }

    static Arbitrary<SignedAuthDataEdit> any() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 36).map(SignedTruncate::new),
                Combinators.combine(Arbitraries.of(CborEdits.Value.class), Arbitraries.of(0, ED, AT, ED | AT))
                        .as(SignedTail::new),
                Arbitraries.integers().between(0, 7).map(SignedFlagFlip::new),
                Combinators.combine(
                                Arbitraries.integers().between(0, FLAGS - 1),
                                Arbitraries.integers().between(0, 7))
                        .as(SignedRpIdHashFlip::new));
    }

    record SignedTruncate(int length) implements SignedAuthDataEdit {
        @Override
        public byte[] apply(byte[] authData) {
            return Arrays.copyOf(authData, length);
        }

        @Override
        public boolean mustRefuse() {
            return true;
        }
    }

    /** CBOR after the 37 bytes of an assertion's authenticator data, with the ED and AT flags as given. */
    record SignedTail(CborEdits.Value value, int flags) implements SignedAuthDataEdit {
        @Override
        public byte[] apply(byte[] authData) {
            byte[] bytes = concat(authData, Cbor.encode(value.cbor));
            bytes[FLAGS] |= (byte) flags;
            return bytes;
        }

        @Override
        public boolean mustRefuse() {
            return !(flags == ED && (value == CborEdits.Value.MAP || value.cbor == null));
        }
    }

    /**
     * One flag flipped: UP, UV, BE (it cannot change) and AT (no attested data follows) must be refused. ED with no
     * extensions after it is malformed too, but webauthn4j reads it as "no extensions", and the authenticator signed it.
     */
    record SignedFlagFlip(int bit) implements SignedAuthDataEdit {
        @Override
        public byte[] apply(byte[] authData) {
            byte[] bytes = authData.clone();
            bytes[FLAGS] ^= (byte) (1 << bit);
            return bytes;
        }

        @Override
        public boolean mustRefuse() {
            return ((1 << bit) & (UP | UV | BE | AT)) != 0;
        }
    }

    record SignedRpIdHashFlip(int position, int bit) implements SignedAuthDataEdit {
        @Override
        public byte[] apply(byte[] authData) {
            byte[] bytes = authData.clone();
            bytes[position] ^= (byte) (1 << bit);
            return bytes;
        }

        @Override
        public boolean mustRefuse() {
            return true;
        }
    }
}
