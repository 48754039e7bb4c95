/**
 * Internal: the proxy that tells the starter when a {@code UserDetailsManager} deletes or renames a user. Created by
 * the auto-configuration; not API, and may change in any release.
 */
package dev.passkeys.spring.account.internal;
