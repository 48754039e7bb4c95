package io.github.passkeys4j;

import java.util.Objects;

/**
 * A ceremony was refused. {@link #reason()} says which check failed; the message is for the developer: the failed
 * check in precise words and, where a setting can fix it, the setting. Messages never contain secrets (they go into
 * problem bodies' {@code detail} and logs), but they are not written for users: a web layer shows users its own words
 * per reason (the Spring starter's {@code passkeys.problem.<REASON>} texts, in the user's language).
 */
public final class PasskeyException extends RuntimeException {

    private final Reason reason;

    public PasskeyException(Reason reason) {
        this(reason, reason.message(), null);
    }

    public PasskeyException(Reason reason, String message) {
        this(reason, message, null);
    }

    public PasskeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** Which check of WebAuthn Level 3 §7 (or of this library's policy) refused the ceremony. */
    public enum Reason {
        MALFORMED_RESPONSE("The credential could not be read: it is not a well-formed WebAuthn response."),
        WRONG_TYPE("The response is of the wrong type (clientDataJSON.type or credential type) for this ceremony."),
        CHALLENGE_UNKNOWN("The challenge is unknown or was already used; start the ceremony again."),
        CHALLENGE_EXPIRED("The challenge has expired; start the ceremony again (see the ceremony-timeout setting)."),
        CHALLENGE_MISMATCH("The response answers a different challenge than the one issued for this ceremony."),
        ORIGIN_NOT_ALLOWED("The page's origin is not allowed; add it to the allowed origins setting."),
        CROSS_ORIGIN_NOT_ALLOWED("The ceremony ran in a cross-origin iframe, which this relying party does not allow."),
        RP_ID_MISMATCH(
                "The credential was made for another relying party ID (rpIdHash mismatch); check the rp-id setting."),
        USER_NOT_PRESENT("The authenticator did not confirm user presence."),
        USER_NOT_VERIFIED(
                "The authenticator did not verify the user (PIN or biometrics), which is required; see the user-verification setting."),
        ALGORITHM_NOT_ALLOWED("The credential's public-key algorithm is not one this relying party accepts."),
        ATTESTATION_INVALID("The attestation statement of the new credential is not valid."),
        ATTESTATION_NOT_TRUSTED(
                "The new credential's authenticator is not one this relying party trusts; see the attestation trust"
                        + " setting."),
        AUTHENTICATOR_REVOKED(
                "The FIDO Metadata Service reports this authenticator model as revoked or compromised (a security"
                        + " notice in its status reports); it may not register."),
        BAD_SIGNATURE("The signature does not verify with the stored public key."),
        UNKNOWN_CREDENTIAL("This passkey is not registered here (it may have been deleted)."),
        CREDENTIAL_NOT_ALLOWED("This passkey is not one of those allowed for this sign-in."),
        USER_HANDLE_MISMATCH("The passkey belongs to another user than the one named in the response or the ceremony."),
        SIGN_COUNTER_REGRESSED(
                "The authenticator's signature counter went backwards: the passkey may have been cloned."),
        BACKUP_FLAGS_INVALID("The authenticator reported inconsistent backup flags."),
        CREDENTIAL_ALREADY_REGISTERED("This passkey is already registered."),
        PASSKEY_NOT_FOUND("There is no such passkey on this account."),
        TOO_MANY_PASSKEYS("This account has the most passkeys allowed; delete one before adding another."),
        LAST_SIGN_IN_METHOD(
                "This is the last way to sign in to this account; add another passkey or a password first."),
        INVALID_NAME("A passkey name must be at most 64 characters, with no control characters, line separators or"
                + " bidirectional overrides."),
        PASSKEY_DISABLED("This passkey is disabled; enable it on the passkeys page or use another way to sign in."),
        PUBLIC_KEY_NOT_ACCEPTED(
                "The passkey's public key is not one this relying party accepts: an EC key must be a point"
                        + " on its curve, an RSA key 2048 to 4096 bits with exponent 65537, an Ed25519 key 32 bytes."),
        // Passkey-only sign-up
        USERNAME_TAKEN("This username already belongs to an account; choose another (checked again when the account is"
                + " created, so of two sign-ups for one username exactly one succeeds)."),
        INVALID_USERNAME("The username is empty, too long or has characters that are not allowed (see the sign-up"
                + " username settings)."),
        INVALID_DISPLAY_NAME("The display name is too long or has control characters (see the sign-up settings)."),
        // Recovery codes
        RECOVERY_CODE_INVALID(
                "The username or recovery code is wrong, or the code was used already (the two are not told apart)."),
        RECOVERY_LOCKED("Too many wrong recovery codes for this account; try again after the recovery lockout window.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The failed check, for the developer (no secrets); users get the web layer's own words for the reason. */
        public String message() {
            return message;
        }
    }
}
