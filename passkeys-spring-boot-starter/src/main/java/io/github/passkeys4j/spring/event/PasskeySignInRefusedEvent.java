package io.github.passkeys4j.spring.event;

import java.time.Instant;

/**
 * A passkey sign-in was refused.
 *
 * @param reason       the failed check: a {@code PasskeyException.Reason} name, or {@code ACCOUNT_UNAVAILABLE} when
 *                     the passkey verified but the app's account checks refused (disabled, locked, deleted), or
 *                     {@code PASSWORD_EXPIRED} when they refused because the account's password has expired
 * @param credentialId the credential ID the browser presented, when it could be read; otherwise {@code null}
 * @param remoteAddress the client's address as the servlet container saw it
 */
public record PasskeySignInRefusedEvent(String reason, String credentialId, String remoteAddress, Instant at)
        implements PasskeyEvent {}
