/**
 * The storage SPI (passkeys, their users, pending ceremonies) and its in-memory implementations;
 * {@code passkeys-test} has the contract tests any implementation should pass.
 * <p>
 * Nothing here is {@code null} unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.github.passkeys4j.store;

import org.jspecify.annotations.NullMarked;
