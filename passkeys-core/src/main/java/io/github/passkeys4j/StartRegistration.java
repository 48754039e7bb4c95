package io.github.passkeys4j;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#startRegistration} needs: the signed-in account that adds a passkey. Made with
 * {@link #forAccount} or {@link #forUser}, then {@link #withDisplayName}; equal when their members are.
 */
public final class StartRegistration {

    private final String accountId;
    private final String username;
    private final @Nullable String displayName;
    private final RegistrationPreferences preferences;
    private final boolean conditional;

    private StartRegistration(
            String accountId,
            String username,
            @Nullable String displayName,
            RegistrationPreferences preferences,
            boolean conditional) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = displayName;
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.conditional = conditional;
    }

    /**
     * @param accountId the application's immutable id of the account; the passkey is bound to it
     * @param username  the account's current username, shown by authenticators ({@code user.name})
     */
    public static StartRegistration forAccount(String accountId, String username) {
        return new StartRegistration(accountId, username, null, RegistrationPreferences.PASSKEY, false);
    }

    /** For an application whose usernames never change and are never reused: the username is the account id. */
    public static StartRegistration forUser(String username) {
        return new StartRegistration(username, username, null, RegistrationPreferences.PASSKEY, false);
    }

    /** The same, shown as {@code displayName} in the authenticator's account chooser (default: the username). */
    public StartRegistration withDisplayName(@Nullable String displayName) {
        return new StartRegistration(accountId, username, displayName, preferences, conditional);
    }

    /**
     * The same, asking for this kind of authenticator (default {@link RegistrationPreferences#PASSKEY}); e.g.
     * {@link RegistrationPreferences#SECURITY_KEY} when the user chose to add a security key.
     */
    public StartRegistration withPreferences(RegistrationPreferences preferences) {
        return new StartRegistration(accountId, username, displayName, preferences, conditional);
    }

    public RegistrationPreferences preferences() {
        return preferences;
    }

    /**
     * The same, for an automatic upgrade: the browser creates the passkey with {@code mediation: "conditional"}
     * right after a password sign-in, without a prompt, so its authenticator may not test user presence. Only a
     * ceremony started this way may finish with user presence (UP) false; the user-verification policy is unchanged.
     * Default: not conditional, UP required.
     */
    public StartRegistration asConditional() {
        return new StartRegistration(accountId, username, displayName, preferences, true);
    }

    public String accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    /** {@code null} when not given: the username is shown (or the display name already stored). */
    public @Nullable String displayName() {
        return displayName;
    }

    /** Whether this is an automatic upgrade ({@link #asConditional()}); {@code false} by default. */
    public boolean conditional() {
        return conditional;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof StartRegistration s
                && accountId.equals(s.accountId)
                && username.equals(s.username)
                && Objects.equals(displayName, s.displayName)
                && preferences.equals(s.preferences)
                && conditional == s.conditional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, username, displayName, preferences, conditional);
    }

    @Override
    public String toString() {
        return "StartRegistration[accountId=" + accountId + ", username=" + username + ", displayName=" + displayName
                + ", preferences=" + preferences + ", conditional=" + conditional + "]";
    }
}
