package io.github.passkeys4j;

import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

/**
 * A verified sign-in.
 *
 * @param user         who signed in
 * @param passkey      the passkey they used, as stored after this use (new counter, last-used time)
 * @param userVerified whether the authenticator verified the user (PIN, biometrics)
 */
public record AuthenticationResult(PasskeyUser user, Passkey passkey, boolean userVerified) {}
