package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RegistrationPreferences;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * What kind of authenticator "Add a passkey" asks for, under {@code passkeys.registration.*}. Browsers treat these as
 * preferences; checked at start-up (an unknown value or a contradiction stops the app with the allowed values named).
 */
@ConfigurationProperties("passkeys.registration")
public class PasskeysRegistrationProperties {

    /**
     * Whether the new credential must be discoverable (signs in without a username): "required" (default, a passkey),
     * "preferred", or "discouraged" (a security key keeps its few slots; such credentials sign in username-first).
     */
    private String residentKey = "required";

    /**
     * "platform" (this device's own authenticator), "cross-platform" (a security key or a phone), or unset (default:
     * either).
     */
    private String authenticatorAttachment;

    /**
     * WebAuthn hints, in order of preference, telling the browser which choice to show first: "security-key",
     * "client-device", "hybrid" (a phone). Default: none.
     */
    private List<String> hints = new ArrayList<>();

    /**
     * Whether "Add a security key" is offered: the registration-options call then accepts {"kind": "security-key"},
     * which asks for a non-discoverable credential on a roaming key (residentKey "discouraged", "cross-platform", hint
     * "security-key"), signed in with username first. Default true; false refuses that kind with 400.
     */
    private boolean securityKeys = true;

    /** These settings as core preferences; throws {@link InvalidPasskeysPropertiesException} naming what is wrong. */
    public RegistrationPreferences preferences() {
        try {
            return new RegistrationPreferences(
                    residentKey,
                    authenticatorAttachment == null || authenticatorAttachment.isBlank()
                            ? null
                            : authenticatorAttachment,
                    hints);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidPasskeysPropertiesException(List.of("passkeys.registration: " + e.getMessage()
                    + " (resident-key " + residentKey + ", authenticator-attachment " + authenticatorAttachment
                    + ", hints " + hints + ")"));
        }
    }

    public String getResidentKey() {
        return residentKey;
    }

    public void setResidentKey(String residentKey) {
        this.residentKey = residentKey;
    }

    public String getAuthenticatorAttachment() {
        return authenticatorAttachment;
    }

    public void setAuthenticatorAttachment(String authenticatorAttachment) {
        this.authenticatorAttachment = authenticatorAttachment;
    }

    public List<String> getHints() {
        return hints;
    }

    public void setHints(List<String> hints) {
        this.hints = hints;
    }

    public boolean isSecurityKeys() {
        return securityKeys;
    }

    public void setSecurityKeys(boolean securityKeys) {
        this.securityKeys = securityKeys;
    }
}
