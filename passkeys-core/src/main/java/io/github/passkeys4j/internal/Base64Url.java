package io.github.passkeys4j.internal;

import io.github.passkeys4j.PasskeyException;

import java.util.Base64;

/** base64url without padding, the encoding of binary members in the W3C JSON forms. */
public final class Base64Url {

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws PasskeyException MALFORMED_RESPONSE when the text is not base64url */
    public static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new PasskeyException(
                    PasskeyException.Reason.MALFORMED_RESPONSE, "A value is not valid base64url.", e);
        }
    }
}
