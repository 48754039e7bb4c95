package io.github.passkeys4j.spring.security;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The app's own handlers for passkey sign-in, declared as one bean (the starter picks it up): for a single-page or
 * mobile app that wants a token instead of a session and a redirect URL. Either may be {@code null}, keeping the
 * default: success answers {@code {"redirectUrl": …}} with a signed-in session, failure an RFC 9457 problem. The
 * failure handler gets a {@link PasskeyAuthenticationException} for a refused passkey (its {@code getPasskeyException()
 * .reason()} names the failed check) and Spring Security's own exceptions for an account that cannot sign in.
 * A bean rather than handler beans picked by type, because an app often has handlers meant for its form login.
 */
public record PasskeySignInHandlers(AuthenticationSuccessHandler success, AuthenticationFailureHandler failure) {

    public static PasskeySignInHandlers success(AuthenticationSuccessHandler success) {
        return new PasskeySignInHandlers(success, null);
    }

    public static PasskeySignInHandlers failure(AuthenticationFailureHandler failure) {
        return new PasskeySignInHandlers(null, failure);
    }

    public PasskeySignInHandlers withSuccess(AuthenticationSuccessHandler handler) {
        return new PasskeySignInHandlers(handler, failure);
    }

    public PasskeySignInHandlers withFailure(AuthenticationFailureHandler handler) {
        return new PasskeySignInHandlers(success, handler);
    }
}
