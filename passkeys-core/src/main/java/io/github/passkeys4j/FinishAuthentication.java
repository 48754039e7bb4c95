package io.github.passkeys4j;

import io.github.passkeys4j.store.PasskeyUser;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What {@link RelyingParty#finishAuthentication} needs.
 *
 * @param responseJson   the browser's {@code PublicKeyCredential.toJSON()}, as JSON text
 * @param accountCheck   asks the application whether the passkey's account may sign in now (it still exists, is
 *                       enabled, is still the account the passkey was made for); runs after the passkey is verified
 *                       and before its use is recorded, so a refused account records nothing
 * @param browserBinding the value given to {@link StartAuthentication#withBrowserBinding} by the browser that asked
 *                       for the options; {@code null} when none
 */
public record FinishAuthentication(
        String responseJson,
        AccountCheck accountCheck,
        @Nullable String browserBinding) {

    public FinishAuthentication {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(accountCheck, "accountCheck");
    }

    public FinishAuthentication(String responseJson, AccountCheck accountCheck) {
        this(responseJson, accountCheck, null);
    }

    /** With no account check: every verified passkey of a stored account signs in. */
    public FinishAuthentication(String responseJson) {
        this(responseJson, account -> {});
    }

    /** This request with the browser's binding value (or {@code null} when the browser sent none). */
    public FinishAuthentication withBrowserBinding(@Nullable String browserBinding) {
        return new FinishAuthentication(responseJson, accountCheck, browserBinding);
    }

    /** The application's say on whether an account may sign in; refuses by throwing. */
    @FunctionalInterface
    public interface AccountCheck {

        /** Throws (any runtime exception, which the caller then gets) to refuse the sign-in. */
        void check(PasskeyUser account);
    }
}
