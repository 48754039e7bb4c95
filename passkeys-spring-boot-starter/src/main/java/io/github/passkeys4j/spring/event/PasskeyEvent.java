package io.github.passkeys4j.spring.event;

import java.time.Instant;

/**
 * Something that happened to a passkey, published as a Spring application event. Listen with
 * {@code @EventListener} for one kind ({@code PasskeyRegisteredEvent}) or for all ({@code PasskeyEvent}).
 * Events carry the public view of the passkey, never key material.
 */
public sealed interface PasskeyEvent
        permits PasskeyRegisteredEvent,
                PasskeySignInEvent,
                PasskeySignInRefusedEvent,
                PasskeyRenamedEvent,
                PasskeyEnabledEvent,
                PasskeyDisabledEvent,
                PasskeyDeletedEvent {

    /** When it happened. */
    Instant at();
}
