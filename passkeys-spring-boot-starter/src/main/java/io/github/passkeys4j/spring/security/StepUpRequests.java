package io.github.passkeys4j.spring.security;

import tools.jackson.databind.JsonNode;

import java.util.Base64;

/** Small checks of step-up requests, each refusing what it cannot read. */
final class StepUpRequests {

    /** authenticatorData: rpIdHash (32 bytes), then the flags; UV is bit 2. */
    private static final int FLAGS = 32;

    private static final int UV = 0x04;

    private StepUpRequests() {}

    /**
     * Whether the answer's authenticator data carries the UV flag. Read before verification only to refuse early (a
     * forged flag fails the signature check that follows); unreadable data is left to that verification.
     */
    static boolean userVerifiedFlag(JsonNode credential) {
        String data = credential.path("response").path("authenticatorData").asString(null);
        if (data == null) {
            return true;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder()
                    .decode(data.replace('+', '-').replace('/', '_').replace("=", ""));
            return bytes.length <= FLAGS || (bytes[FLAGS] & UV) != 0;
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }
}
