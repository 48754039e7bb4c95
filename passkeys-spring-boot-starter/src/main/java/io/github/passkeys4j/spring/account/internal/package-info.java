/**
 * Internal: the proxy that tells the starter when a {@code UserDetailsManager} deletes or renames a user. Created by
 * the auto-configuration; not API, and may change in any release.
 */
package io.github.passkeys4j.spring.account.internal;
