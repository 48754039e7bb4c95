package dev.passkeys;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishRegistration} needs.
 *
 * @param username     the signed-in user; must be the one the ceremony was started for
 * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
 * @param name         the name the user gave the passkey; when {@code null} or blank the provider's name is used
 */
public record FinishRegistration(String username, String responseJson, String name) {

    public FinishRegistration {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(responseJson, "responseJson");
    }
}
