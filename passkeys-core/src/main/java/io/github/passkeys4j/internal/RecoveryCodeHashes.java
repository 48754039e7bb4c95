package io.github.passkeys4j.internal;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Slow hashes of recovery codes with the JDK's {@code PBKDF2WithHmacSHA256} (no hand-written crypto): a random
 * 16-byte salt per code, 32 bytes out, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the iteration
 * count can change without invalidating stored codes. Internal: not API.
 */
public final class RecoveryCodeHashes {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private RecoveryCodeHashes() {}

    public static String hash(String normalizedCode, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(pbkdf2(normalizedCode, salt, iterations));
    }

    /** Whether {@code normalizedCode} is the code behind {@code stored}; compares in constant time. */
    public static boolean matches(String normalizedCode, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] expected = DECODER.decode(parts[3]);
        byte[] actual = pbkdf2(normalizedCode, DECODER.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(spec)
                        .getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    /** The SHA-256 of {@code text}, base64url: a fixed-length key that does not store what it was made from. */
    public static String sha256(String text) {
        try {
            return ENCODER.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
