package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user signed in with a passkey (after the app's account checks passed). */
public record PasskeySignInEvent(String username, PasskeyView passkey, boolean userVerified, Instant at)
        implements PasskeyEvent {}
