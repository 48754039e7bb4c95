package io.github.passkeys4j.spring.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CBOR written by Jackson's CBOR generator (the one webauthn4j reads with), from plain Java values: maps keep their
 * order and may have text or integer keys (COSE), lists, {@code byte[]}, text, numbers, booleans, null. A {@link Raw}
 * value is put in verbatim, for what no honest encoder writes: a length header claiming gigabytes, nesting thousands
 * deep.
 */
final class Cbor {

    static final CBORMapper MAPPER = new CBORMapper();

    private Cbor() {}

    /** Bytes written as they are where a value belongs. */
    record Raw(byte[] bytes) {
        @Override
        public String toString() {
            return "Raw(" + bytes.length + " bytes, starting "
                    + java.util.HexFormat.of().formatHex(Arrays.copyOf(bytes, Math.min(bytes.length, 12))) + ")";
        }
    }

    /** A map with entries in the order given: key, value, key, value… */
    static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Raw> raws = new ArrayList<>();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            write(generator, value, raws);
        }
        byte[] bytes = out.toByteArray();
        for (int i = 0; i < raws.size(); i++) {
            bytes = replace(bytes, encodedMarker(i), raws.get(i).bytes());
        }
        return bytes;
    }

    /** A COSE key (integer labels) as the map {@link #encode} writes back the same. */
    static Map<Object, Object> coseKey(byte[] cbor) {
        JsonNode tree = MAPPER.readTree(cbor);
        Map<Object, Object> key = new LinkedHashMap<>();
        for (String label : tree.propertyNames()) {
            JsonNode value = tree.get(label);
            key.put(Long.parseLong(label), value.isBinary() ? value.binaryValue() : value.asLong());
        }
        return key;
    }

    /** Bytes that say "byte string / text / array / map of {@code length}" and then end: a lie about the length. */
    static Raw header(int majorType, long length) {
        return new Raw(ByteBuffer.allocate(9)
                .put((byte) ((majorType << 5) | 27))
                .putLong(length)
                .array());
    }

    /** Arrays of one element nested {@code depth} deep (definite length), or maps of one member. */
    static Raw nested(int depth, boolean maps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            out.write(maps ? 0xA1 : 0x81);
            if (maps) {
                out.write(0x61);
                out.write('a');
            }
        }
        out.write(0x00);
        return new Raw(out.toByteArray());
    }

    private static void write(JsonGenerator generator, Object value, List<Raw> raws) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Raw raw) {
            generator.writeBinary(marker(raws.size()));
            raws.add(raw);
        } else if (value instanceof DuplicateKeys duplicates) {
            generator.writeStartObject(null, duplicates.entries().size());
            for (Object[] entry : duplicates.entries()) {
                writeKey(generator, entry[0]);
                write(generator, entry[1], raws);
            }
            generator.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject(null, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeKey(generator, entry.getKey());
                write(generator, entry.getValue(), raws);
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(null, list.size());
            for (Object item : list) {
                write(generator, item, raws);
            }
            generator.writeEndArray();
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            throw new IllegalArgumentException("not a CBOR value: " + value.getClass());
        }
    }

    /** A map that has the same key more than once (which a {@link Map} cannot hold). */
    record DuplicateKeys(List<Object[]> entries) {
        @Override
        public String toString() {
            return entries.stream().map(Arrays::toString).toList().toString();
        }
    }

    private static void writeKey(JsonGenerator generator, Object key) {
        if (key instanceof Number number) {
            generator.writePropertyId(number.longValue());
        } else {
            generator.writeName((String) key);
        }
    }

    private static byte[] marker(int index) {
        byte[] marker = "@fuzz-raw-marker".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        marker[marker.length - 1] = (byte) index;
        return marker;
    }

    private static byte[] encodedMarker(int index) {
        byte[] marker = marker(index);
        byte[] encoded = new byte[marker.length + 1];
        encoded[0] = (byte) (0x40 | marker.length);
        System.arraycopy(marker, 0, encoded, 1, marker.length);
        return encoded;
    }

    private static byte[] replace(byte[] bytes, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                byte[] out = new byte[bytes.length - what.length + with.length];
                System.arraycopy(bytes, 0, out, 0, i);
                System.arraycopy(with, 0, out, i, with.length);
                System.arraycopy(bytes, i + what.length, out, i + with.length, bytes.length - i - what.length);
                return out;
            }
        }
        throw new IllegalStateException("marker not found");
    }
}
