package io.github.passkeys4j.spring.web;

import org.springframework.security.core.Authentication;

/**
 * The name authenticators show for the signed-in user in their account choosers ("Alice Example" rather than
 * "alice"). Declare a bean to use your users' real names; the default is the username. When it changes, the next
 * visit to the passkeys page or the next passkey sign-in tells the passkey provider ({@code signalCurrentUserDetails}).
 */
@FunctionalInterface
public interface PasskeyDisplayNames {

    PasskeyDisplayNames USERNAME = Authentication::getName;

    String displayName(Authentication authentication);
}
