package io.github.passkeys4j.spring.internal;

/**
 * Text a client sent, made safe for one log line: control, format and line-separator characters (bidi overrides
 * included) replaced, cut to 100 characters.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class Printable {

    private Printable() {}

    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        String clean = text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
