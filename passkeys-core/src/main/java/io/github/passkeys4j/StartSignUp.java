package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#startSignUp} needs: the new account's username and, optionally, its display name. Nothing
 * is created or reserved by starting: the account is made when the passkey is verified ({@link FinishSignUp}).
 * The core checks only what every store can hold (a username of at most {@link #MAX_USERNAME_LENGTH} characters, a
 * display name of at most {@link #MAX_DISPLAY_NAME_LENGTH}, no control characters or bidirectional overrides); an app
 * narrows this with its own rules (the Spring starter's {@code passkeys.sign-up.username-pattern}).
 */
public final class StartSignUp {

    /** The longest username accepted (the JDBC schema's column holds 255). */
    public static final int MAX_USERNAME_LENGTH = 255;

    /** The longest display name accepted (the JDBC schema's column holds 1024). */
    public static final int MAX_DISPLAY_NAME_LENGTH = 1024;

    private final String username;
    private final @Nullable String displayName;
    private final @Nullable String browserBinding;

    private StartSignUp(String username, @Nullable String displayName, @Nullable String browserBinding) {
        this.username = username;
        this.displayName = displayName;
        this.browserBinding = browserBinding;
    }

    /**
     * @param username the new account's username, trimmed; refused with {@code INVALID_USERNAME} when blank, too long or
     *                 holding control characters or bidirectional overrides
     */
    public static StartSignUp of(String username) {
        String clean = Objects.requireNonNull(username, "username").strip();
        if (clean.isEmpty() || clean.length() > MAX_USERNAME_LENGTH || hasControl(clean)) {
            throw new PasskeyException(Reason.INVALID_USERNAME);
        }
        return new StartSignUp(clean, null, null);
    }

    /**
     * The same, with the name the authenticator shows in its account chooser; {@code null} or blank (the default)
     * shows the username. Refused with {@code INVALID_DISPLAY_NAME} when too long or holding control characters or
     * bidirectional overrides.
     */
    public StartSignUp withDisplayName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return new StartSignUp(username, null, browserBinding);
        }
        String clean = displayName.strip();
        if (clean.length() > MAX_DISPLAY_NAME_LENGTH || hasControl(clean)) {
            throw new PasskeyException(Reason.INVALID_DISPLAY_NAME);
        }
        return new StartSignUp(username, clean, browserBinding);
    }

    /**
     * The same, bound to the browser that asks: a random value the web layer keeps in a cookie of that browser
     * ({@code null}, the default: not bound). The finish must give the same value
     * ({@link FinishSignUp#of(StartSignUp, String, SignUpAccounts)}), so a challenge taken from one browser cannot be
     * finished in another.
     */
    public StartSignUp withBrowserBinding(@Nullable String browserBinding) {
        return new StartSignUp(username, displayName, browserBinding);
    }

    private static boolean hasControl(String s) {
        return ShownText.hasRefused(s);
    }

    public String username() {
        return username;
    }

    /** {@code null} when not given: the username is shown. */
    public @Nullable String displayName() {
        return displayName;
    }

    public @Nullable String browserBinding() {
        return browserBinding;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof StartSignUp s
                && username.equals(s.username)
                && Objects.equals(displayName, s.displayName)
                && Objects.equals(browserBinding, s.browserBinding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, displayName, browserBinding);
    }

    @Override
    public String toString() {
        return "StartSignUp[username=" + username + ", displayName=" + displayName + "]";
    }
}
