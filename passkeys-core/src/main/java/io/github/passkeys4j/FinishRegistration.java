package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishRegistration} needs: made with {@link #of}, then {@link #withName}.
 */
public final class FinishRegistration {

    private final String accountId;
    private final String responseJson;
    private final @Nullable String name;

    private FinishRegistration(String accountId, String responseJson, @Nullable String name) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.responseJson = Objects.requireNonNull(responseJson, "responseJson");
        this.name = name;
    }

    /**
     * @param accountId    the signed-in account; must be the one the ceremony was started for
     * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
     */
    public static FinishRegistration of(String accountId, String responseJson) {
        return new FinishRegistration(accountId, responseJson, null);
    }

    /** The same, with the name the user gave; when {@code null} or blank (the default) the provider's name is used. */
    public FinishRegistration withName(@Nullable String name) {
        return new FinishRegistration(accountId, responseJson, name);
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

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof FinishRegistration f
                && accountId.equals(f.accountId)
                && responseJson.equals(f.responseJson)
                && Objects.equals(name, f.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, responseJson, name);
    }

    @Override
    public String toString() {
        return "FinishRegistration[accountId=" + accountId + ", name=" + name + "]";
    }
}
