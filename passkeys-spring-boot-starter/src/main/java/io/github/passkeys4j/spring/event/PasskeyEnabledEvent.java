package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user enabled a disabled passkey again. */
public record PasskeyEnabledEvent(String username, PasskeyView passkey, Instant at) implements PasskeyEvent {}
