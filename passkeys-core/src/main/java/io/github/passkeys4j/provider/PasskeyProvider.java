package io.github.passkeys4j.provider;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.UUID;

/**
 * Who keeps a passkey ("Google Password Manager", "iCloud Keychain"), known from the authenticator's AAGUID.
 *
 * @param aaguid    the AAGUID
 * @param name      the provider's name
 * @param iconLight an icon for light backgrounds as a {@code data:} URI, or {@code null}
 * @param iconDark  an icon for dark backgrounds as a {@code data:} URI, or {@code null}
 */
public record PasskeyProvider(
        UUID aaguid,
        String name,
        @Nullable String iconLight,
        @Nullable String iconDark) {

    public PasskeyProvider {
        Objects.requireNonNull(aaguid, "aaguid");
        Objects.requireNonNull(name, "name");
    }
}
