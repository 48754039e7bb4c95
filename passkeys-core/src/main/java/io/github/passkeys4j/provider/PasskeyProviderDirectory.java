package io.github.passkeys4j.provider;

import io.github.passkeys4j.internal.CoreJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * AAGUID → provider name and icons, read from a file in the format of the community list
 * (passkeydeveloper/passkey-authenticator-aaguids, {@code aaguid.json}). A copy of that list ships in this jar
 * ({@link #bundled()}); pass a newer file to {@link #read(InputStream)}. An empty object means "no names known".
 */
public final class PasskeyProviderDirectory {

    static final String BUNDLED_RESOURCE = "/io/github/passkeys4j/provider/passkey-provider-aaguids.json";

    private static final Function<UUID, Optional<String>> NO_NAMES = aaguid -> Optional.empty();

    private final Map<UUID, PasskeyProvider> providers;
    private final Function<UUID, Optional<String>> otherNames;

    private PasskeyProviderDirectory(Map<UUID, PasskeyProvider> providers) {
        this(providers, NO_NAMES);
    }

    private PasskeyProviderDirectory(
            Map<UUID, PasskeyProvider> providers, Function<UUID, Optional<String>> otherNames) {
        this.providers = Map.copyOf(providers);
        this.otherNames = otherNames;
    }

    /** The list shipped with the library (snapshot of 2026-08-07). */
    public static PasskeyProviderDirectory bundled() {
        try (InputStream in = PasskeyProviderDirectory.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory that knows no provider. */
    public static PasskeyProviderDirectory empty() {
        return new PasskeyProviderDirectory(Map.of());
    }

    /**
     * Reads a list in the community format: {@code {"<aaguid>": {"name": …, "icon_light": …, "icon_dark": …}}}.
     *
     * @throws IllegalArgumentException when the file is not in that format (the message says where)
     */
    public static PasskeyProviderDirectory read(InputStream json) {
        JsonNode root;
        try {
            root = CoreJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("passkey-provider list is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("passkey-provider list must be a JSON object keyed by AAGUID");
        }
        Map<UUID, PasskeyProvider> providers = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            UUID aaguid;
            try {
                aaguid = UUID.fromString(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "passkey-provider list has a key that is not an AAGUID: " + entry.getKey(), e);
            }
            JsonNode value = entry.getValue();
            String name = value.path("name").asString(null);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("passkey-provider list entry " + aaguid + " has no name");
            }
            providers.put(
                    aaguid,
                    new PasskeyProvider(
                            aaguid,
                            name,
                            value.path("icon_light").asString(null),
                            value.path("icon_dark").asString(null)));
        }
        return new PasskeyProviderDirectory(providers);
    }

    /**
     * The same list, with names from another source for the AAGUIDs it lacks (no icons): e.g.
     * {@code FidoMetadata::description}, so that a security key listed only in the FIDO Metadata Service is named.
     */
    public PasskeyProviderDirectory orNames(Function<UUID, Optional<String>> names) {
        return new PasskeyProviderDirectory(providers, Objects.requireNonNull(names, "names"));
    }

    public Optional<PasskeyProvider> find(UUID aaguid) {
        if (aaguid == null) {
            return Optional.empty();
        }
        PasskeyProvider listed = providers.get(aaguid);
        if (listed != null) {
            return Optional.of(listed);
        }
        return otherNames
                .apply(aaguid)
                .filter(name -> !name.isBlank())
                .map(name -> new PasskeyProvider(aaguid, name, null, null));
    }

    public int size() {
        return providers.size();
    }
}
