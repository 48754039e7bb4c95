package dev.passkeys;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishRegistration} needs.
 *
 * @param accountId    the signed-in account; must be the one the ceremony was started for
 * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
 * @param name         the name the user gave the passkey; when {@code null} or blank the provider's name is used
 */
public record FinishRegistration(String accountId, String responseJson, String name) {

    public FinishRegistration {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(responseJson, "responseJson");
    }
}
