package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishSignUp} needs: the sign-up as it was started (its username, display name and browser
 * binding: the challenge is sealed over them, nothing was stored), the browser's response, the application's
 * {@link SignUpAccounts}, and optionally the passkey's name and a fallback name (as {@link FinishRegistration#withName} and
 * {@link FinishRegistration#withFallbackName}).
 */
public final class FinishSignUp {

    private final StartSignUp startedAs;
    private final String responseJson;
    private final SignUpAccounts accounts;
    private final @Nullable String name;
    private final @Nullable String fallbackName;

    private FinishSignUp(
            StartSignUp startedAs,
            String responseJson,
            SignUpAccounts accounts,
            @Nullable String name,
            @Nullable String fallbackName) {
        this.startedAs = Objects.requireNonNull(startedAs, "startedAs");
        this.responseJson = Objects.requireNonNull(responseJson, "responseJson");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.name = name;
        this.fallbackName = fallbackName;
    }

    /**
     * @param startedAs    the sign-up as given to {@link RelyingParty#startSignUp} (the web layer rebuilds it from the
     *                     finish request and the browser's binding cookie); any difference refuses the sign-up with
     *                     {@code CHALLENGE_MISMATCH}
     * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
     * @param accounts     creates the application's account once the passkey is verified
     */
    public static FinishSignUp of(StartSignUp startedAs, String responseJson, SignUpAccounts accounts) {
        return new FinishSignUp(startedAs, responseJson, accounts, null, null);
    }

    /** The same, with the name the user gave the passkey; {@code null} or blank (the default): the provider's. */
    public FinishSignUp withName(@Nullable String name) {
        return new FinishSignUp(startedAs, responseJson, accounts, name, fallbackName);
    }

    /** The same, with a name for when the user gave none and the provider is unknown ("Chrome on Windows"). */
    public FinishSignUp withFallbackName(@Nullable String fallbackName) {
        return new FinishSignUp(startedAs, responseJson, accounts, name, fallbackName);
    }

    public StartSignUp startedAs() {
        return startedAs;
    }

    public String responseJson() {
        return responseJson;
    }

    public SignUpAccounts accounts() {
        return accounts;
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable String fallbackName() {
        return fallbackName;
    }

    @Override
    public String toString() {
        return "FinishSignUp[startedAs=" + startedAs + ", name=" + name + ", fallbackName=" + fallbackName + "]";
    }
}
