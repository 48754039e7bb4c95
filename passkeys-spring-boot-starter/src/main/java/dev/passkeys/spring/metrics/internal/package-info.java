/**
 * Internal: the Micrometer recording of {@link dev.passkeys.spring.metrics.CeremonyObserver}, created by the
 * auto-configuration when Micrometer is present; not API, and may change in any release.
 */
package dev.passkeys.spring.metrics.internal;
