package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What kind of authenticator a registration asks for (WebAuthn Level 3 {@code authenticatorSelection} and
 * {@code hints}); browsers treat all three as preferences. {@link #PASSKEY} (the default) asks for a discoverable
 * credential, so the user can sign in without typing a username; {@link #SECURITY_KEY} for a credential kept on a
 * roaming key, which may be non-discoverable and then signs in username-first.
 *
 * @param residentKey             "required" (default), "preferred" or "discouraged"
 * @param authenticatorAttachment "platform", "cross-platform", or {@code null} for either (default)
 * @param hints                   in order of preference, each of "security-key", "client-device", "hybrid"; default none
 */
public record RegistrationPreferences(
        String residentKey, @Nullable String authenticatorAttachment, List<String> hints) {

    public static final Set<String> RESIDENT_KEYS = Set.of("required", "preferred", "discouraged");
    public static final Set<String> ATTACHMENTS = Set.of("platform", "cross-platform");
    public static final Set<String> HINTS = Set.of("security-key", "client-device", "hybrid");

    /** A passkey: discoverable credential, any attachment, no hints. */
    public static final RegistrationPreferences PASSKEY = new RegistrationPreferences("required", null, List.of());

    /** A security key: non-discoverable where the key allows (saving its few slots), roaming, hinted as a key. */
    public static final RegistrationPreferences SECURITY_KEY =
            new RegistrationPreferences("discouraged", "cross-platform", List.of("security-key"));

    /** Throws {@link IllegalArgumentException} naming the value and the allowed ones. */
    public RegistrationPreferences {
        Objects.requireNonNull(residentKey, "residentKey");
        if (!RESIDENT_KEYS.contains(residentKey)) {
            throw new IllegalArgumentException(
                    "residentKey must be required, preferred or discouraged, not " + residentKey);
        }
        if (authenticatorAttachment != null && !ATTACHMENTS.contains(authenticatorAttachment)) {
            throw new IllegalArgumentException("authenticatorAttachment must be platform, cross-platform or unset, not "
                    + authenticatorAttachment);
        }
        hints = hints == null ? List.of() : List.copyOf(hints);
        for (String hint : hints) {
            if (!HINTS.contains(hint)) {
                throw new IllegalArgumentException("a hint must be security-key, client-device or hybrid, not " + hint);
            }
        }
        if (new LinkedHashSet<>(hints).size() != hints.size()) {
            throw new IllegalArgumentException("hints must not repeat: " + hints);
        }
        // Contradictions a browser would resolve silently against what the application meant.
        if ("platform".equals(authenticatorAttachment) && hints.contains("security-key")) {
            throw new IllegalArgumentException(
                    "authenticatorAttachment platform contradicts the hint security-key (a key is cross-platform)");
        }
        if ("cross-platform".equals(authenticatorAttachment) && hints.contains("client-device")) {
            throw new IllegalArgumentException(
                    "authenticatorAttachment cross-platform contradicts the hint client-device (a platform one)");
        }
    }

    /** Whether the credential must be discoverable ({@code requireResidentKey}, for Level 1 browsers). */
    public boolean requireResidentKey() {
        return "required".equals(residentKey);
    }
}
