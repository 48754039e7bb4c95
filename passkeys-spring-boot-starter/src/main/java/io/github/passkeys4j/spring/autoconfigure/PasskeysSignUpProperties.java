package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Passkey-only sign-up ({@code POST <base>/sign-up/options}, {@code POST <base>/sign-up}): a new user gives a username
 * and creates a passkey; no password is ever set. Creating accounts for strangers is the app's decision, so it is on
 * only when the app says so: by declaring a {@code PasskeySignUpAccounts} bean, or with {@code enabled=true} (then a
 * {@code UserDetailsManager} creates the accounts).
 */
@ConfigurationProperties("passkeys.sign-up")
public class PasskeysSignUpProperties {

    /**
     * Whether new users can create an account with only a passkey. Default (unset): on when the app declares a
     * PasskeySignUpAccounts bean, else off. true: also on with only a UserDetailsManager bean (start-up fails when
     * there is neither). false: off.
     */
    private Boolean enabled;

    /** The authorities of an account created through a UserDetailsManager. Default: ROLE_USER. */
    private List<String> authorities = List.of("ROLE_USER");

    /**
     * The usernames a sign-up accepts (a Java regular expression the whole username must match; it is trimmed first).
     * Default: 3 to 64 ASCII letters, digits, dots, underscores or hyphens. Change the user's message with the
     * passkeys.problem.INVALID_USERNAME key in your messages.properties.
     */
    private String usernamePattern = "[A-Za-z0-9._-]{3,64}";

    /** The longest display name a sign-up accepts, in characters (1 to 1024). Default 64. */
    private int displayNameMaxLength = 64;

    /** Where the browser goes after signing up. Default: passkeys.default-success-url. */
    private String successUrl;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getAuthorities() {
        return authorities;
    }

    public void setAuthorities(List<String> authorities) {
        this.authorities = authorities;
    }

    public String getUsernamePattern() {
        return usernamePattern;
    }

    public void setUsernamePattern(String usernamePattern) {
        this.usernamePattern = usernamePattern;
    }

    public int getDisplayNameMaxLength() {
        return displayNameMaxLength;
    }

    public void setDisplayNameMaxLength(int displayNameMaxLength) {
        this.displayNameMaxLength = displayNameMaxLength;
    }

    public String getSuccessUrl() {
        return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
        this.successUrl = successUrl;
    }
}
