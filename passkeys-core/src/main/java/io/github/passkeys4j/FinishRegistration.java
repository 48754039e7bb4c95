package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishRegistration} needs: made with {@link #of}, then {@link #withName} and
 * {@link #withFallbackName}. The new passkey is named, first found: the user's name, the provider's name (from its
 * AAGUID), the fallback name, "Passkey".
 */
public final class FinishRegistration {

    private final String accountId;
    private final String responseJson;
    private final @Nullable String name;
    private final @Nullable String fallbackName;

    private FinishRegistration(
            String accountId, String responseJson, @Nullable String name, @Nullable String fallbackName) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.responseJson = Objects.requireNonNull(responseJson, "responseJson");
        this.name = name;
        this.fallbackName = fallbackName;
    }

    /**
     * @param accountId    the signed-in account; must be the one the ceremony was started for
     * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
     */
    public static FinishRegistration of(String accountId, String responseJson) {
        return new FinishRegistration(accountId, responseJson, null, null);
    }

    /** The same, with the name the user gave; when {@code null} or blank (the default) the provider's name is used. */
    public FinishRegistration withName(@Nullable String name) {
        return new FinishRegistration(accountId, responseJson, name, fallbackName);
    }

    /**
     * The same, with a name for when the user gave none and the provider is not in the directory, such as the
     * browser and system it was made on ("Chrome on Windows"). Not the user's words: control characters are dropped
     * and it is cut to the longest name allowed instead of being refused. Default {@code null}: "Passkey".
     */
    public FinishRegistration withFallbackName(@Nullable String fallbackName) {
        return new FinishRegistration(accountId, responseJson, name, fallbackName);
    }

    public String accountId() {
        return accountId;
    }

    public String responseJson() {
        return responseJson;
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable String fallbackName() {
        return fallbackName;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof FinishRegistration f
                && accountId.equals(f.accountId)
                && responseJson.equals(f.responseJson)
                && Objects.equals(name, f.name)
                && Objects.equals(fallbackName, f.fallbackName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, responseJson, name, fallbackName);
    }

    @Override
    public String toString() {
        return "FinishRegistration[accountId=" + accountId + ", name=" + name + ", fallbackName=" + fallbackName + "]";
    }
}
