/**
 * The W3C JSON forms the ceremonies send to the browser, named as in WebAuthn Level 3; {@code toJson()} writes
 * them.
 * <p>
 * Nothing here is {@code null} unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.github.passkeys4j.data;

import org.jspecify.annotations.NullMarked;
