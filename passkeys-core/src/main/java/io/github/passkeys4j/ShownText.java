package io.github.passkeys4j;

/**
 * Characters refused in names people read (a passkey's name, a display name): control characters, line and
 * paragraph separators, and the bidirectional embeddings, overrides and isolates that make text read otherwise than
 * it is stored ("Trojan Source": {@code U+202E} shows "moc.elgoog" as "google.com"). Joiners and marks that scripts
 * and emoji need ({@code U+200C}, {@code U+200D}, {@code U+200E}, {@code U+200F}) stay allowed.
 */
final class ShownText {

    private ShownText() {}

    static boolean isRefused(int codePoint) {
        return Character.isISOControl(codePoint)
                || codePoint == 0x2028
                || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    static boolean hasRefused(String text) {
        return text.codePoints().anyMatch(ShownText::isRefused);
    }
}
