package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestBodies;
import io.github.passkeys4j.spring.internal.StorageFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * {@code POST <base>/authentication}: the body is the browser's {@code PublicKeyCredential.toJSON()}. On success the
 * session is rotated and the context saved as for a form login, and the answer is {@code {"redirectUrl": …}}; on
 * failure an RFC 9457 problem naming the failed check. Both answers can be replaced
 * ({@link PasskeysConfigurer#successHandler}, {@link PasskeySignInHandlers}).
 */
final class PasskeyAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

    private static final Log log = LogFactory.getLog(PasskeyAuthenticationFilter.class);

    private final PasskeysMessages messages;
    private SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public PasskeyAuthenticationFilter(
            RequestMatcher matcher,
            AuthenticationManager authenticationManager,
            RequestCache requestCache,
            String defaultSuccessUrl,
            PasskeysMessages messages) {
        super(matcher, authenticationManager);
        this.messages = messages;
        setAuthenticationSuccessHandler(new JsonSuccessHandler(requestCache, defaultSuccessUrl));
        setAuthenticationFailureHandler(new ProblemFailureHandler(messages, this));
    }

    /**
     * Where credential IDs not moved yet from Spring Security's own passkey tables are: such a passkey is refused
     * without the {@code credentialId} that would have the browser forget it (see SpringSecurityPasskeysImport).
     */
    void setNotYetMoved(Predicate<String> notYetMoved) {
        this.notYetMoved = notYetMoved;
    }

    private Predicate<String> notYetMoved = id -> false;

    /** Remembers the passkey in the session, so revoking it ends the session whatever the app puts in the context. */
    @Override
    protected void successfulAuthentication(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, Authentication authentication)
            throws IOException, ServletException {
        super.successfulAuthentication(request, response, chain, authentication);
        // After the context is saved: a sign-in that starts without a session (CSRF token in a cookie) has one now.
        if (authentication instanceof PasskeyAuthenticationToken token) {
            PasskeyRevocationFilter.remember(request, token);
        }
        // Later requests get the sign-in without the stored passkey object (a kilobyte or more per session held in
        // memory; a store that serialises sessions drops it anyway). The events and success handler had it.
        SecurityContext context = contextHolder.getContext();
        if (authentication instanceof PasskeyAuthenticationToken token && context.getAuthentication() == token) {
            context.setAuthentication(token.withoutPasskey());
        }
    }

    @Override
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        super.setSecurityContextHolderStrategy(strategy);
        this.contextHolder = strategy;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!RequestBodies.isJson(request.getContentType())) {
            // Refused before any verification: not a sign-in attempt, so no failure handler or event.
            Problems.write(
                    request,
                    response,
                    Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the credential as application/json."),
                    messages);
            return null;
        }
        String body = RequestBodies.text(request);
        PasskeyAuthenticationRequest authRequest = new PasskeyAuthenticationRequest(body, SignInBinding.read(request));
        authRequest.setDetails(authenticationDetailsSource.buildDetails(request));
        return getAuthenticationManager().authenticate(authRequest);
    }

    private record JsonSuccessHandler(RequestCache requestCache, String defaultSuccessUrl)
            implements AuthenticationSuccessHandler {
        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException {
            SavedRequest saved = requestCache.getRequest(request, response);
            String redirectUrl = saved != null ? saved.getRedirectUrl() : request.getContextPath() + defaultSuccessUrl;
            requestCache.removeRequest(request, response);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // Jackson's generator, not writeValue(Map): setting up databind for one property was 2.5 % of a sign-in's
            // request samples (JFR, JDK 25).
            try (JsonGenerator json = PasskeysJson.mapper().createGenerator(response.getOutputStream())) {
                json.writeStartObject();
                json.writeStringProperty("redirectUrl", redirectUrl);
                json.writeEndObject();
            }
        }
    }

    /**
     * Every failure handler, the starter's or the app's, is told what the starter tells the client: a response whose
     * {@code userHandle} is not the passkey's owner's is refused as an unknown passkey. Told apart, it would let anyone
     * learn which credential IDs are real, and so which usernames have passkeys. The events, the metrics and the log
     * keep the true reason.
     */
    @Override
    protected void unsuccessfulAuthentication(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException, ServletException {
        super.unsuccessfulAuthentication(request, response, masked(failed));
    }

    private static AuthenticationException masked(AuthenticationException exception) {
        if (exception instanceof PasskeyAuthenticationException passkey
                && passkey.getPasskeyException().reason() == PasskeyException.Reason.USER_HANDLE_MISMATCH) {
            log.info("Passkey sign-in refused: the response's userHandle is not the passkey's owner's;"
                    + " answered as an unknown passkey");
            return new PasskeyAuthenticationException(
                    new PasskeyException(PasskeyException.Reason.UNKNOWN_CREDENTIAL), passkey.getCredentialId());
        }
        return exception;
    }

    private record ProblemFailureHandler(PasskeysMessages messages, PasskeyAuthenticationFilter filter)
            implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            ProblemDetail problem;
            if (exception instanceof PasskeyAuthenticationException passkey) {
                // A userHandle mismatch arrives here as an unknown passkey (unsuccessfulAuthentication).
                PasskeyException refusal = passkey.getPasskeyException();
                problem = Problems.of(refusal);
                if (refusal.reason() == PasskeyException.Reason.UNKNOWN_CREDENTIAL
                        && passkey.getCredentialId() != null
                        && filter.notYetMoved.test(passkey.getCredentialId())) {
                    // Still in Spring Security's tables (not moved: its user is not the app's, say): not "deleted",
                    // and no credentialId, or the browser would forget a passkey that may work once it is moved.
                    problem = Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "This passkey is in Spring Security's own tables, not moved into ours (the start-up log"
                                    + " says why: passkeys.jdbc.import-spring-security-passkeys).");
                    problem.setProperty("reason", "PASSKEY_NOT_MOVED");
                } else if (passkey.getCredentialId() != null) {
                    // Lets the client call PublicKeyCredential.signalUnknownCredential for a deleted passkey.
                    problem.setProperty("credentialId", passkey.getCredentialId());
                }
            } else if (exception instanceof InternalAuthenticationServiceException failure) {
                problem = serviceFailure(request, response, failure);
            } else if (exception instanceof SessionAuthenticationException) {
                // The passkey passed; the app's session limit did not (as its form login would be refused).
                problem = Problems.sessionLimitReached();
            } else if (exception instanceof CredentialsExpiredException) {
                // Only the holder of the passkey gets here, so telling the cause helps the user and no one else.
                problem = Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "The passkey is valid, but the account's password has expired"
                                + " (UserDetails.isCredentialsNonExpired() is false): it must be changed first.");
                problem.setProperty("reason", "PASSWORD_EXPIRED");
            } else {
                // Account disabled, locked, gone: say so without telling which (the log says), as that would help
                // whoever holds the passkey.
                problem = Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "The passkey is valid, but its account cannot sign in (UserDetails disabled, locked, expired"
                                + " or not found; the server log says which).");
                log.info("Passkey sign-in refused: the account cannot sign in: " + exception.getMessage() + " ("
                        + exception.getClass().getSimpleName() + ")");
                problem.setProperty("reason", "ACCOUNT_UNAVAILABLE");
            }
            Problems.write(request, response, problem, messages);
        }

        /** The app's user store failed after the passkey was found: 503 for an outage, else a logged 500. */
        private static ProblemDetail serviceFailure(
                HttpServletRequest request,
                HttpServletResponse response,
                InternalAuthenticationServiceException failure) {
            if (StorageFailures.isUnavailable(failure)) {
                response.setHeader("Retry-After", "5");
                log.warn("Passkey sign-in " + request.getRequestURI() + " answered 503: the app's user store is"
                        + " unavailable (" + StorageFailures.summary(failure) + ")");
                return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.STORAGE_UNAVAILABLE_DETAIL);
            }
            // Spring Security has logged the exception with its trace already.
            log.error("Passkey sign-in " + request.getRequestURI() + " answered 500: the app's UserDetailsService"
                    + " failed (" + StorageFailures.summary(failure) + ")");
            return Problems.of(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "The server could not complete this request: the exception is in the server log.");
        }
    }
}
