package dev.passkeys;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishAuthentication} needs.
 *
 * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
 */
public record FinishAuthentication(String responseJson) {

    public FinishAuthentication {
        Objects.requireNonNull(responseJson, "responseJson");
    }
}
