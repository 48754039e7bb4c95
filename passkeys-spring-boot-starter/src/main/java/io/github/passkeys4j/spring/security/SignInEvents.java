package io.github.passkeys4j.spring.security;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Passkey sign-ins through the app's own {@link AuthenticationEventPublisher} (Spring Boot declares one), as its form
 * login's: a refused passkey goes to it as a {@link BadCredentialsException} (the passkey's refusal as its cause), so
 * listeners of {@code AuthenticationFailureBadCredentialsEvent} (lockout counters, audit) hear it as a wrong password;
 * {@code PasskeySignInRefusedEvent} says which check failed.
 */
record SignInEvents(AuthenticationEventPublisher app) implements AuthenticationEventPublisher {

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        app.publishAuthenticationSuccess(authentication);
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        app.publishAuthenticationFailure(
                exception instanceof PasskeyAuthenticationException
                        ? new BadCredentialsException(exception.getMessage(), exception)
                        : exception,
                authentication);
    }
}
