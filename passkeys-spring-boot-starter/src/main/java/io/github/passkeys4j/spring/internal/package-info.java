/**
 * Internal: the starter's shared plumbing (its one JSON mapper, RFC 9457 problem bodies, the client files). Public
 * only so that the starter's other packages can use it; not API, and may change in any release.
 */
package io.github.passkeys4j.spring.internal;
