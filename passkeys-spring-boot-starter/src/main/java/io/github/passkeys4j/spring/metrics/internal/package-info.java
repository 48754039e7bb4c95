/**
 * Internal: the Micrometer recording of {@link io.github.passkeys4j.spring.metrics.CeremonyObserver}, created by the
 * auto-configuration when Micrometer is present; not API, and may change in any release.
 */
package io.github.passkeys4j.spring.metrics.internal;
