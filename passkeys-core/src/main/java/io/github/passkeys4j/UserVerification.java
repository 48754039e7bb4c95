package io.github.passkeys4j;

/**
 * How much the relying party insists on user verification (PIN, biometrics). The value goes into the options as the
 * W3C {@code userVerification} member, and {@link #REQUIRED} also makes the server refuse responses without the UV flag.
 */
public enum UserVerification {
    /** The UV flag must be set; the default, since a passkey is the only factor of a passkey sign-in. */
    REQUIRED,
    /** Ask for verification where the authenticator can; accept responses without it. */
    PREFERRED,
    /** Do not ask for verification; accept responses without it. */
    DISCOURAGED;

    /** The W3C JSON form: {@code "required"}, {@code "preferred"} or {@code "discouraged"}. */
    public String jsonValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
