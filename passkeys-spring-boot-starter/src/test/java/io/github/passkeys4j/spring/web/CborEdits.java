package io.github.passkeys4j.spring.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to the CBOR inside a registration (the attestation object, the COSE key in its authenticator data), built
 * with Jackson's CBOR generator ({@link Cbor}); {@link SignedAuthDataEdits} has those for an assertion. Each knows whether a server
 * must refuse what it makes: a registration with "none" attestation is signed by nobody, so some changes (the AAGUID,
 * the counter, an unknown COSE label) make another valid registration.
 */
final class CborEdits {

    /** Offsets in authenticator data (WebAuthn §6.1). */
    static final int FLAGS = 32;

    static final int CREDENTIAL_ID_LENGTH = 53;
    static final int UP = 0x01;
    static final int UV = 0x04;
    static final int BE = 0x08;
    static final int AT = 0x40;
    static final int ED = 0x80;

    private CborEdits() {}

    /** Values of every CBOR type, and lies: length headers claiming gigabytes, nesting thousands deep. */
    enum Value {
        TEXT("fuzz"),
        INTEGER(1L),
        NEGATIVE(-7L),
        BYTES(new byte[] {1, 2, 3}),
        EMPTY_ARRAY(List.of()),
        MAP(Cbor.map("a", 1L)),
        NULL(null),
        TRUE(true),
        FLOAT(1.5d),
        REMOVED(null),
        BYTES_CLAIMING_4_GIB(Cbor.header(2, 0xFFFF_FFFFL)),
        BYTES_CLAIMING_8_EIB(Cbor.header(2, Long.MAX_VALUE)),
        TEXT_CLAIMING_4_GIB(Cbor.header(3, 0x1_0000_0000L)),
        ARRAY_CLAIMING_4_G_ITEMS(Cbor.header(4, 0xFFFF_FFFFL)),
        MAP_CLAIMING_4_G_ENTRIES(Cbor.header(5, 0xFFFF_FFFFL)),
        LARGEST_UNSIGNED(new Cbor.Raw(new byte[] {0x1B, -1, -1, -1, -1, -1, -1, -1, -1})),
        TAG_WITHOUT_VALUE(new Cbor.Raw(new byte[] {(byte) 0xD8, 0x18})),
        BREAK_OUTSIDE_INDEFINITE(new Cbor.Raw(new byte[] {(byte) 0xFF})),
        ARRAYS_10000_DEEP(Cbor.nested(10_000, false)),
        MAPS_3000_DEEP(Cbor.nested(3_000, true));

        final Object cbor;

        Value(Object cbor) {
            this.cbor = cbor;
        }
    }

    /** The attestation object's members. */
    enum Member {
        FMT("fmt"),
        ATT_STMT("attStmt"),
        AUTH_DATA("authData");

        final String key;

        Member(String key) {
            this.key = key;
        }
    }

    /** COSE key labels of an EC2 key (RFC 9053), and one nobody defined. */
    enum Label {
        KTY(1),
        ALG(3),
        CRV(-1),
        X(-2),
        Y(-3),
        UNKNOWN(99);

        final long label;

        Label(long label) {
            this.label = label;
        }
    }

    /** A registration's CBOR parts as the software authenticator made them. */
    record Registration(byte[] authData) {
        byte[] attestationObject() {
            return attestationObject(authData);
        }

        static byte[] attestationObject(Object authData) {
            return Cbor.encode(Cbor.map("fmt", "none", "attStmt", Cbor.map(), "authData", authData));
        }

        int credentialIdLength() {
            return ((authData[CREDENTIAL_ID_LENGTH] & 0xFF) << 8) | (authData[CREDENTIAL_ID_LENGTH + 1] & 0xFF);
        }

        int coseKeyStart() {
            return CREDENTIAL_ID_LENGTH + 2 + credentialIdLength();
        }

        Map<Object, Object> coseKey() {
            return Cbor.coseKey(Arrays.copyOfRange(authData, coseKeyStart(), authData.length));
        }

        byte[] withCoseKey(Object key) {
            return concat(Arrays.copyOf(authData, coseKeyStart()), Cbor.encode(key));
        }
    }

    /** A change to a registration's attestation object. */
    sealed interface AttestationEdit {
        byte[] apply(Registration registration);

        boolean mustRefuse(Registration registration);
    }

    static Arbitrary<AttestationEdit> attestation() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Integer> bit = Arbitraries.integers().between(0, 7);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(Member.class), Arbitraries.of(Value.class))
                        .as(MemberValue::new),
                Combinators.combine(
                                Arbitraries.of(Member.class), Arbitraries.of(Value.class), Arbitraries.of(true, false))
                        .as(DuplicateMember::new),
                Combinators.combine(position, bit).as(BitFlip::new),
                position.map(Truncate::new),
                Arbitraries.of(Value.class).map(Trailing::new),
                Combinators.combine(Arbitraries.of(Label.class), Arbitraries.of(Value.class))
                        .as(CoseMember::new),
                Combinators.combine(
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, 31),
                                bit)
                        .as(CosePointFlip::new),
                Combinators.combine(Arbitraries.of(Value.class), Arbitraries.of(true, false))
                        .as(AuthDataTail::new));
    }

    /** A member of the attestation object replaced by a value of another type, or removed. */
    record MemberValue(Member member, Value value) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            Map<Object, Object> object =
                    Cbor.map("fmt", "none", "attStmt", Cbor.map(), "authData", registration.authData);
            if (value == Value.REMOVED) {
                object.remove(member.key);
            } else {
                object.put(member.key, value.cbor);
            }
            return Cbor.encode(object);
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            // "none" attestation has an empty statement; {"a": 1} there is only something to ignore.
            return !(member == Member.ATT_STMT && value == Value.MAP);
        }
    }

    /** A member twice, the other value first or last (which one wins is the parser's choice). */
    record DuplicateMember(Member member, Value other, boolean otherLast) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            Map<Object, Object> honest =
                    Cbor.map("fmt", "none", "attStmt", Cbor.map(), "authData", registration.authData);
            java.util.List<Object[]> entries = new java.util.ArrayList<>();
            honest.forEach((k, v) -> {
                if (k.equals(member.key) && !otherLast) {
                    entries.add(new Object[] {k, other.cbor});
                }
                entries.add(new Object[] {k, v});
                if (k.equals(member.key) && otherLast) {
                    entries.add(new Object[] {k, other.cbor});
                }
            });
            return Cbor.encode(new Cbor.DuplicateKeys(entries));
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            return false;
        }
    }

    /** One bit of the attestation object flipped; refusal is required where it breaks the RP ID hash or UP/UV. */
    record BitFlip(int position, int bit) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            byte[] bytes = registration.attestationObject();
            bytes[position % bytes.length] ^= (byte) (1 << bit);
            return bytes;
        }

        /** Required where the flip lands in the RP ID hash or clears UP or UV; elsewhere it may make a valid one. */
        @Override
        public boolean mustRefuse(Registration registration) {
            byte[] bytes = registration.attestationObject();
            int authData = indexOf(bytes, registration.authData);
            int at = position % bytes.length - authData;
            return (at >= 0 && at < FLAGS) || (at == FLAGS && ((1 << bit) & (UP | UV)) != 0);
        }
    }

    /** The attestation object cut short. */
    record Truncate(int position) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            byte[] bytes = registration.attestationObject();
            return Arrays.copyOf(bytes, position % bytes.length);
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            return true;
        }
    }

    /** A second CBOR item after the attestation object: webauthn4j reads the first and ignores the rest. */
    record Trailing(Value value) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            return concat(registration.attestationObject(), Cbor.encode(value.cbor));
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            return false;
        }
    }

    /** A COSE key member replaced or removed; required members must stay as they are, an unknown one may be added. */
    record CoseMember(Label label, Value value) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            Map<Object, Object> key = registration.coseKey();
            if (value == Value.REMOVED) {
                key.remove(label.label);
            } else {
                key.put(label.label, value.cbor);
            }
            return Registration.attestationObject(registration.withCoseKey(key));
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            if (label == Label.UNKNOWN) {
                // Ignored unless it cannot be read: the lies and the nesting (2^64 - 1 is a plain CBOR integer).
                return value.cbor instanceof Cbor.Raw && value != Value.LARGEST_UNSIGNED;
            }
            // The same value again (crv 1, alg -7) is no change.
            return value == Value.REMOVED
                    || !Objects.deepEquals(coerced(registration.coseKey().get(label.label)), coerced(value.cbor));
        }
    }

    /** One bit of the public key's x or y flipped: a point off the curve. */
    record CosePointFlip(boolean y, int position, int bit) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            Map<Object, Object> key = registration.coseKey();
            byte[] coordinate = ((byte[]) key.get(y ? -3L : -2L)).clone();
            coordinate[position % coordinate.length] ^= (byte) (1 << bit);
            key.put(y ? -3L : -2L, coordinate);
            return Registration.attestationObject(registration.withCoseKey(key));
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            return true;
        }
    }

    /** Bytes after the COSE key in the authenticator data, with or without the ED flag that announces extensions. */
    record AuthDataTail(Value value, boolean extensionFlag) implements AttestationEdit {
        @Override
        public byte[] apply(Registration registration) {
            byte[] authData = concat(registration.authData, Cbor.encode(value.cbor));
            if (extensionFlag) {
                authData[FLAGS] |= (byte) ED;
            }
            return Registration.attestationObject(authData);
        }

        @Override
        public boolean mustRefuse(Registration registration) {
            // Only a map of extensions, announced by ED, belongs there (an unknown extension is ignored; webauthn4j
            // reads a CBOR null there as no extensions).
            return !(extensionFlag && (value == Value.MAP || value.cbor == null));
        }
    }

    /** A value as Jackson's default coercion reads it into a number (webauthn4j's COSE fields): true is 1, 1.5 is 1. */
    private static Object coerced(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        return value instanceof Number number ? (Object) number.longValue() : value;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("authenticator data not found in the attestation object");
    }
}
