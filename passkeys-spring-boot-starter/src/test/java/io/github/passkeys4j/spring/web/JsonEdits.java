package io.github.passkeys4j.spring.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Changes to a JSON document, chosen by jqwik before the document exists (each try's ceremony makes a fresh one with a
 * new challenge and key): a number picks the place among the document's values, so the same choice lands on the same
 * member every time. Raw text (deep nesting, duplicate keys, lone surrogates) goes in through a marker string.
 */
final class JsonEdits {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "@@fuzz-raw@@";

    private JsonEdits() {}

    /** One change; {@link #apply} gives the bytes to send. */
    sealed interface Edit {
        byte[] apply(JsonNode document);
    }

    /** Any kind of change, at any place. */
    static Arbitrary<Edit> any() {
        return Arbitraries.oneOf(
                typeConfusion(), deepNesting(), duplicateKey(), badBase64Url(), unicode(), rawBytes(), rawBytes());
    }

    /** Changes that keep the document JSON (for text embedded in JSON, such as {@code clientDataJSON}). */
    static Arbitrary<Edit> structural() {
        return Arbitraries.oneOf(typeConfusion(), deepNesting(), duplicateKey(), unicode());
    }

    static Arbitrary<Edit> typeConfusion() {
        return Combinators.combine(places(), Arbitraries.of(Value.class)).as(TypeConfusion::new);
    }

    static Arbitrary<Edit> deepNesting() {
        return Combinators.combine(places(), Arbitraries.integers().between(2, 4000), Arbitraries.of(true, false))
                .as(DeepNesting::new);
    }

    static Arbitrary<Edit> duplicateKey() {
        return Combinators.combine(places(), Arbitraries.of(Value.class), Arbitraries.of(true, false))
                .as(DuplicateKey::new);
    }

    static Arbitrary<Edit> badBase64Url() {
        return Combinators.combine(places(), Arbitraries.of(Garble.class)).as(BadBase64Url::new);
    }

    static Arbitrary<Edit> unicode() {
        return Combinators.combine(places(), Arbitraries.of(Oddity.class)).as(Unicode::new);
    }

    static Arbitrary<Edit> rawBytes() {
        return Combinators.combine(
                        Arbitraries.of(ByteOp.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 255))
                .as(RawBytes::new);
    }

    private static Arbitrary<Integer> places() {
        return Arbitraries.integers().between(0, 10_000);
    }

    /** Replacement values of every JSON type. */
    enum Value {
        STRING,
        EMPTY_STRING,
        ZERO,
        NEGATIVE,
        HUGE_INTEGER,
        FRACTION,
        TRUE,
        FALSE,
        NULL,
        EMPTY_OBJECT,
        EMPTY_ARRAY,
        WRAPPED_IN_ARRAY,
        WRAPPED_IN_OBJECT,
        REMOVED;

        String text(JsonNode original) {
            return switch (this) {
                case STRING -> "\"fuzz\"";
                case EMPTY_STRING -> "\"\"";
                case ZERO -> "0";
                case NEGATIVE -> "-1";
                case HUGE_INTEGER -> "123456789012345678901234567890123456789";
                case FRACTION -> "1.5e308";
                case TRUE -> "true";
                case FALSE -> "false";
                case NULL, REMOVED -> "null";
                case EMPTY_OBJECT -> "{}";
                case EMPTY_ARRAY -> "[]";
                case WRAPPED_IN_ARRAY -> "[" + original + "]";
                case WRAPPED_IN_OBJECT -> "{\"value\":" + original + "}";
            };
        }
    }

    record TypeConfusion(int place, Value value) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            List<Object> path = pick(JsonPaths.paths(document, false), place);
            if (value == Value.REMOVED && !path.isEmpty()) {
                return bytes(JSON.writeValueAsString(JsonPaths.remove(document, path)));
            }
            return raw(document, path, value.text(JsonPaths.at(document, path)));
        }
    }

    record DeepNesting(int place, int depth, boolean arrays) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            return raw(
                    document,
                    pick(JsonPaths.paths(document, false), place),
                    open.repeat(depth) + "1" + close.repeat(depth));
        }
    }

    /** The member at the place appears twice: the other value first or last. */
    record DuplicateKey(int place, Value other, boolean otherLast) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            List<List<Object>> members = JsonPaths.paths(document, false).stream()
                    .filter(p -> !p.isEmpty() && p.get(p.size() - 1) instanceof String)
                    .toList();
            if (members.isEmpty()) {
                return bytes(JSON.writeValueAsString(document));
            }
            List<Object> path = pick(members, place);
            JsonNode original = JsonPaths.at(document, path);
            String key = JSON.writeValueAsString(path.get(path.size() - 1));
            String otherText = other.text(original);
            return raw(
                    document,
                    path,
                    otherLast ? original + "," + key + ":" + otherText : otherText + "," + key + ":" + original);
        }
    }

    enum Garble {
        PADDING,
        PLUS,
        SLASH,
        SPACE,
        NEWLINE,
        DOT,
        DROP_LAST,
        ADD_ONE,
        NON_ASCII,
        PERCENT,
        STANDARD_ALPHABET
    }

    /** A string value made into base64url that is wrong, or right in a way a strict decoder refuses. */
    record BadBase64Url(int place, Garble garble) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            List<Object> path = pickString(document, place);
            if (path == null) {
                return bytes(JSON.writeValueAsString(document));
            }
            String s = JsonPaths.at(document, path).asString();
            int mid = s.length() / 2;
            String garbled = switch (garble) {
                case PADDING -> s + "==";
                case PLUS -> s.isEmpty() ? "+" : "+" + s.substring(1);
                case SLASH -> s + "/";
                case SPACE -> s.substring(0, mid) + " " + s.substring(mid);
                case NEWLINE -> s.substring(0, mid) + "\n" + s.substring(mid);
                case DOT -> s.substring(0, mid) + "." + s.substring(mid);
                case DROP_LAST -> s.isEmpty() ? "A" : s.substring(0, s.length() - 1);
                case ADD_ONE -> s + "A";
                case NON_ASCII -> s.substring(0, mid) + "é" + s.substring(mid);
                case PERCENT -> s.substring(0, mid) + "%2B" + s.substring(mid);
                case STANDARD_ALPHABET -> s.replace('-', '+').replace('_', '/') + "=".repeat((4 - s.length() % 4) % 4);
            };
            return bytes(JSON.writeValueAsString(JsonPaths.replace(document, path, NODES.stringNode(garbled))));
        }
    }

    enum Oddity {
        NUL("\u0000"),
        BYTE_ORDER_MARK("\uFEFF"),
        RIGHT_TO_LEFT_OVERRIDE("\u202E"),
        ZERO_WIDTH_SPACE("\u200B"),
        COMBINING_ACCENT("\u0301"),
        FULLWIDTH("ｗｅｂａｕｔｈｎ"),
        EMOJI("\uD83D\uDD11"),
        LONG("x".repeat(20_000)),
        LONE_SURROGATE(null);

        final String text;

        Oddity(String text) {
            this.text = text;
        }
    }

    /** A string value with an odd character put in its middle (a lone surrogate as a JSON escape). */
    record Unicode(int place, Oddity oddity) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            List<Object> path = pickString(document, place);
            if (path == null) {
                return bytes(JSON.writeValueAsString(document));
            }
            String s = JsonPaths.at(document, path).asString();
            int mid = s.length() / 2;
            if (oddity == Oddity.LONE_SURROGATE) {
                String quoted = JSON.writeValueAsString(s);
                int cut = Math.max(1, quoted.length() / 2);
                return raw(document, path, quoted.substring(0, cut) + "\\ud800" + quoted.substring(cut));
            }
            return bytes(JSON.writeValueAsString(JsonPaths.replace(
                    document, path, NODES.stringNode(s.substring(0, mid) + oddity.text + s.substring(mid)))));
        }
    }

    enum ByteOp {
        FLIP_BIT,
        TRUNCATE,
        APPEND,
        INSERT,
        INVALID_UTF8
    }

    /** A change to the document's bytes, which may leave no JSON at all. */
    record RawBytes(ByteOp op, int position, int value) implements Edit {
        @Override
        public byte[] apply(JsonNode document) {
            byte[] b = JSON.writeValueAsBytes(document);
            int at = position % b.length;
            return switch (op) {
                case FLIP_BIT -> {
                    b[at] ^= (byte) (1 << (value % 8));
                    yield b;
                }
                case TRUNCATE -> Arrays.copyOf(b, at);
                case APPEND -> splice(b, b.length, (byte) value);
                case INSERT -> splice(b, at, (byte) value);
                // An overlong encoding of NUL, which no UTF-8 decoder may accept.
                case INVALID_UTF8 -> splice(b, at, (byte) 0xC0, (byte) 0x80);
            };
        }
    }

    /** The path of the string value at the place among the document's strings; null when it has none. */
    private static List<Object> pickString(JsonNode document, int place) {
        List<List<Object>> strings = JsonPaths.paths(document, false).stream()
                .filter(p -> JsonPaths.at(document, p).isString())
                .toList();
        return strings.isEmpty() ? null : pick(strings, place);
    }

    private static <T> T pick(List<T> choices, int place) {
        return choices.get(place % choices.size());
    }

    private static byte[] raw(JsonNode document, List<Object> path, String text) {
        String json = JSON.writeValueAsString(JsonPaths.replace(document, path, NODES.stringNode(MARKER)));
        return bytes(json.replace("\"" + MARKER + "\"", text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} with {@code inserted} put in at {@code at}. */
    static byte[] splice(byte[] bytes, int at, byte... inserted) {
        byte[] all = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, all, 0, at);
        System.arraycopy(inserted, 0, all, at, inserted.length);
        System.arraycopy(bytes, at, all, at + inserted.length, bytes.length - at);
        return all;
    }
}
