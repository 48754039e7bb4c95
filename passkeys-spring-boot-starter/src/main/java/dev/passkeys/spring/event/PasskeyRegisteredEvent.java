package dev.passkeys.spring.event;

import dev.passkeys.spring.web.PasskeyView;

import java.time.Instant;

/** A user added a passkey. */
public record PasskeyRegisteredEvent(String username, PasskeyView passkey, Instant at) implements PasskeyEvent {
}
