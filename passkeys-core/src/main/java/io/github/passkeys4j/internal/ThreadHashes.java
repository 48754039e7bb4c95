package io.github.passkeys4j.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;

/**
 * HMAC-SHA256 and SHA-256 objects kept one per thread: finding a JCA algorithm's provider costs more than the short
 * MAC of a sealed challenge (issue 13's profile: sign-in options were mostly {@code Mac.getInstance}). A caller uses
 * the object it gets before asking for another of the same kind; each call starts it afresh.
 */
public final class ThreadHashes {

    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private ThreadHashes() {}

    /** This thread's HMAC-SHA256, keyed with {@code key} and nothing fed yet. */
    public static Mac hmacSha256(byte[] key) {
        Mac mac = HMAC_SHA256.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("not an HMAC key", e);
        }
        return mac;
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(bytes);
    }
}
