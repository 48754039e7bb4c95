package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user added a passkey. */
public record PasskeyRegisteredEvent(String username, PasskeyView passkey, Instant at) implements PasskeyEvent {}
