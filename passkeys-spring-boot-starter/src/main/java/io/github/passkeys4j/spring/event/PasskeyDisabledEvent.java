package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user disabled a passkey: it cannot sign in until enabled again. */
public record PasskeyDisabledEvent(String username, PasskeyView passkey, Instant at) implements PasskeyEvent {}
