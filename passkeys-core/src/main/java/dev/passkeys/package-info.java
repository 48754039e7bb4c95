/**
 * Passkeys for Java: {@link dev.passkeys.RelyingParty}, the one entry point for both WebAuthn ceremonies, their
 * requests and results, and {@link dev.passkeys.PasskeyManagement}.
 * <p>
 * Nothing here is {@code null} unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package dev.passkeys;

import org.jspecify.annotations.NullMarked;
