package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.StartSignUp;
import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import io.github.passkeys4j.spring.account.SignUpResponseContributor;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Passkey-only sign-up for {@link PasskeysConfigurer#signUp}: who creates the accounts, which usernames and display
 * names are accepted, where the new user goes, and what else the answer carries.
 *
 * @param accounts             creates the app's accounts
 * @param usernamePattern      what a (trimmed) username must match as a whole
 * @param displayNameMaxLength the longest display name, 1 to {@link StartSignUp#MAX_DISPLAY_NAME_LENGTH}
 * @param successUrl           where the browser goes after signing up (under the context path)
 * @param contributors         add members to the answer (recovery codes, say); may be empty
 * @param deviceNames          names the first passkey from the request's User-Agent ("Chrome on Windows") when its
 *                             provider is unknown; {@code null} from it: "Passkey"
 */
public record PasskeySignUp(
        PasskeySignUpAccounts accounts,
        Pattern usernamePattern,
        int displayNameMaxLength,
        String successUrl,
        List<SignUpResponseContributor> contributors,
        Function<String, String> deviceNames) {

    public PasskeySignUp {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(usernamePattern, "usernamePattern");
        Objects.requireNonNull(successUrl, "successUrl");
        if (displayNameMaxLength < 1 || displayNameMaxLength > StartSignUp.MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "displayNameMaxLength must be 1 to " + StartSignUp.MAX_DISPLAY_NAME_LENGTH);
        }
        contributors = List.copyOf(contributors);
        deviceNames = deviceNames != null ? deviceNames : userAgent -> null;
    }

    /** The defaults: usernames of 3 to 64 ASCII letters, digits, dots, underscores or hyphens; display names to 64. */
    public static PasskeySignUp of(PasskeySignUpAccounts accounts, String successUrl) {
        return new PasskeySignUp(accounts, Pattern.compile("[A-Za-z0-9._-]{3,64}"), 64, successUrl, List.of(), null);
    }
}
