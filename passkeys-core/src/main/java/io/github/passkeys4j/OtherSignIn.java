package io.github.passkeys4j;

/**
 * Whether an account has a way to sign in other than its passkeys (a password, single sign-on). The last enabled
 * passkey of an account with {@link #NONE} cannot be disabled or deleted ({@code LAST_SIGN_IN_METHOD}).
 */
public enum OtherSignIn {

    /** The account can sign in without passkeys. */
    AVAILABLE,

    /** Passkeys are the account's only way in. */
    NONE;

    /** {@link #AVAILABLE} when {@code canSignInOtherwise}, else {@link #NONE}. */
    public static OtherSignIn of(boolean canSignInOtherwise) {
        return canSignInOtherwise ? AVAILABLE : NONE;
    }
}
