package io.github.passkeys4j.spring.event;

import io.github.passkeys4j.provider.PasskeyProvider;
import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.store.Passkey;

import java.time.Instant;
import java.util.List;

/**
 * The public view of a passkey, as the JSON API and the page show it. No key material, no user handle.
 *
 * @param id             the credential ID (base64url)
 * @param name           the name the user gave or that was made from the provider
 * @param provider       who keeps the passkey, when its AAGUID is known; otherwise {@code null}
 * @param createdAt      when it was added
 * @param lastUsedAt     when it last signed in; {@code null} when never
 * @param synced         the backup state: the provider syncs it between devices
 * @param backupEligible whether it can be synced at all
 * @param transports     how the browser can reach the authenticator, sorted
 * @param enabled        a disabled passkey cannot sign in
 * @param current        whether it was used to sign in to the current session
 * @param attestationTrusted whether its attestation chained to a root the app trusted at registration
 */
public record PasskeyView(
        String id,
        String name,
        Provider provider,
        Instant createdAt,
        Instant lastUsedAt,
        boolean synced,
        boolean backupEligible,
        List<String> transports,
        boolean enabled,
        boolean current,
        boolean attestationTrusted) {

    /** @param iconLight icon for light backgrounds ({@code data:} URI) or {@code null}; likewise {@code iconDark} */
    public record Provider(String aaguid, String name, String iconLight, String iconDark) {
        static Provider of(PasskeyProvider provider) {
            return new Provider(
                    provider.aaguid().toString(), provider.name(), provider.iconLight(), provider.iconDark());
        }
    }

    public static PasskeyView of(Passkey passkey, PasskeyProviderDirectory providers, String currentCredentialId) {
        return new PasskeyView(
                passkey.credentialId(),
                passkey.name(),
                providers.find(passkey.aaguid()).map(Provider::of).orElse(null),
                passkey.createdAt(),
                passkey.lastUsedAt(),
                passkey.backupState(),
                passkey.backupEligible(),
                passkey.transports().stream().sorted().toList(),
                passkey.enabled(),
                passkey.credentialId().equals(currentCredentialId),
                passkey.attestationTrusted());
    }
}
