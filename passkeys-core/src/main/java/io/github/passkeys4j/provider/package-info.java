/**
 * Passkey providers (AAGUID to name and icon) from the community list.
 * <p>
 * Nothing here is {@code null} unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.github.passkeys4j.provider;

import org.jspecify.annotations.NullMarked;
