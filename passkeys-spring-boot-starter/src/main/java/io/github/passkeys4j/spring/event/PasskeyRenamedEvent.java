package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user renamed a passkey. */
public record PasskeyRenamedEvent(String username, PasskeyView passkey, String previousName, Instant at)
        implements PasskeyEvent {}
