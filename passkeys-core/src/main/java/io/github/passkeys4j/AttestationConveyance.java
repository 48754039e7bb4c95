package io.github.passkeys4j;

import java.util.Locale;

/**
 * The options' {@code attestation} member (WebAuthn Level 3 §5.4.7): whether the relying party asks to see which
 * authenticator made a new passkey. Whatever it asks, a statement that arrives is verified, and a bad one refused.
 */
public enum AttestationConveyance {
    /** Do not ask (the default): no extra prompt, and browsers usually strip the statement. */
    NONE,
    /** Accept an anonymized statement. */
    INDIRECT,
    /** Ask for the authenticator's statement; browsers may prompt the user first. */
    DIRECT,
    /** Ask for an individually identifying statement, for managed devices of an enterprise only. */
    ENTERPRISE;

    /** The W3C JSON form: {@code "none"}, {@code "indirect"}, {@code "direct"} or {@code "enterprise"}. */
    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
