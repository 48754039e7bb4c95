package io.github.passkeys4j;

import io.github.passkeys4j.store.PasskeyUser;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishAuthentication} needs.
 *
 * @param responseJson the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
 * @param accountCheck asks the application whether the passkey's account may sign in now (it still exists, is
 *                     enabled, is still the account the passkey was made for); runs after the passkey is verified and
 *                     before its use is recorded, so a refused account records nothing
 */
public record FinishAuthentication(String responseJson, AccountCheck accountCheck) {

    public FinishAuthentication {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(accountCheck, "accountCheck");
    }

    /** With no account check: every verified passkey of a stored account signs in. */
    public FinishAuthentication(String responseJson) {
        this(responseJson, account -> {});
    }

    /** The application's say on whether an account may sign in; refuses by throwing. */
    @FunctionalInterface
    public interface AccountCheck {

        /** Throws (any runtime exception, which the caller then gets) to refuse the sign-in. */
        void check(PasskeyUser account);
    }
}
