package io.github.passkeys4j;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * How recovery codes look: 12 characters of Crockford's base32 alphabet (digits and capitals without I, L, O, U, so
 * nothing reads as something else), 60 random bits, shown in three groups of four ({@code 7K3M-Q9XD-2PWF}). Entry
 * forgives case, dashes, spaces, and I/L for 1 and O for 0.
 */
final class RecoveryCodeFormat {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;

    private RecoveryCodeFormat() {}

    /** A new code, as shown to the user. */
    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as hashed: upper case, without separators, look-alikes mapped; {@code null} when it cannot be a code
     * (wrong length or a character outside the alphabet).
     */
    static String normalize(String entered) {
        if (entered == null || entered.length() > 64) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : entered.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\u00a0') {
                continue;
            }
            char mapped = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (ALPHABET.indexOf(mapped) < 0) {
                return null;
            }
            code.append(mapped);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }
}
