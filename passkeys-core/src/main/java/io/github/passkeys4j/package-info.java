/**
 * Passkeys for Java: {@link io.github.passkeys4j.RelyingParty}, the one entry point for both WebAuthn ceremonies, their
 * requests and results, and {@link io.github.passkeys4j.PasskeyManagement}.
 * <p>
 * Nothing here is {@code null} unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.github.passkeys4j;

import org.jspecify.annotations.NullMarked;
