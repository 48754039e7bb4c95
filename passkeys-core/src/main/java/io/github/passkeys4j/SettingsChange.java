package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

/**
 * What a user changes about one of their passkeys, for {@link PasskeyManagement#update}: a new name, enabled or
 * disabled, or both; a {@code null} member is left as it is.
 *
 * @param name    the new name (trimmed; at most 64 characters, no control characters), or {@code null} to keep it
 * @param enabled the new state, or {@code null} to keep it
 */
public record SettingsChange(
        @Nullable String name, @Nullable Boolean enabled) {

    /** A new name only; {@code null}, like a blank name, is then refused as {@code INVALID_NAME}. */
    public static SettingsChange rename(@Nullable String name) {
        return new SettingsChange(name == null ? "" : name, null);
    }

    /** Enabled, name kept. */
    public static SettingsChange enable() {
        return new SettingsChange(null, true);
    }

    /** Disabled, name kept. */
    public static SettingsChange disable() {
        return new SettingsChange(null, false);
    }
}
