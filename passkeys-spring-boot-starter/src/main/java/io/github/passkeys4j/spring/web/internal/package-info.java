/**
 * Internal: the JSON endpoints, the passkeys page and the filter in front of them, created by the auto-configuration.
 * Public only so that the auto-configuration can create them; not API, and may change in any release. Apps talk to
 * them over HTTP (see the README's HTTP API) and extend them through the beans the README names
 * ({@link io.github.passkeys4j.spring.web.PasskeyDisplayNames}, {@link io.github.passkeys4j.spring.account.AccountSignInMethods}, …).
 */
package io.github.passkeys4j.spring.web.internal;
