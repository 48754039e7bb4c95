package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.store.PasskeyRepository;

/**
 * Names the storage behind a {@link PasskeyRepository} for the start-up log line, e.g. "JDBC (PostgreSQL)". Each
 * storage configuration contributes one, so the log line itself needs no class of an optional module.
 */
@FunctionalInterface
interface PasskeysStorageDescriber {

    /** A short description, or {@code null} when {@code passkeys} is not this storage's. */
    String describe(PasskeyRepository passkeys);
}
