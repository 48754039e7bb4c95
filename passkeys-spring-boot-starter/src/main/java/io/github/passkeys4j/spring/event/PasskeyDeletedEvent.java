package io.github.passkeys4j.spring.event;

import java.time.Instant;

/** A user deleted a passkey; {@code passkey} is how it was before. */
public record PasskeyDeletedEvent(String username, PasskeyView passkey, Instant at) implements PasskeyEvent {}
