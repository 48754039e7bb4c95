package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RecoveryAttempt;
import io.github.passkeys4j.RecoveryCodes;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Printable;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestBodies;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST <base>/recovery} with {@code {"username": …, "code": …}}, open to anyone (before the app's rules): a
 * right recovery code signs the user in with a recovery session ({@link PasskeyRecovery}) and answers
 * {@code 200 {"redirectUrl": <the passkeys page>, "codesLeft": n}}. A wrong or used code, an unknown user and an
 * account that cannot sign in all get the same 401 ({@code RECOVERY_CODE_INVALID}) after the same hashing; too many
 * wrong tries get 429 ({@code RECOVERY_LOCKED}).
 */
final class RecoveryCodeSignInFilter extends RequestFilter {

    private static final Log log = LogFactory.getLog(RecoveryCodeSignInFilter.class);

    private final RequestMatcher matcher;
    private final RecoveryCodes codes;
    private final UserDetailsService users;
    private final AccountIdResolver accountIds;
    private final PasskeyRecovery recovery;
    private final PasskeysMessages messages;
    private final RecoveryRules rules;

    RecoveryCodeSignInFilter(
            RequestMatcher matcher,
            RecoveryCodes codes,
            UserDetailsService users,
            AccountIdResolver accountIds,
            PasskeyRecovery recovery,
            PasskeysMessages messages,
            RecoveryRules rules) {
        this.matcher = matcher;
        this.codes = codes;
        this.users = users;
        this.accountIds = accountIds;
        this.recovery = recovery;
        this.messages = messages;
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !matcher.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestBodies.isJson(request.getContentType())) {
            refuse(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json."));
            return;
        }
        JsonNode body;
        try {
            body = PasskeysJson.read(RequestBodies.text(request));
        } catch (HttpMessageNotReadableException malformed) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            refuse(request, response, Problems.of(HttpStatus.BAD_REQUEST, "The body is not a JSON object."));
            return;
        }
        String username = body.path("username").asString("").strip();
        JsonNode code = body.path("code");
        if (username.isEmpty() || username.length() > 255 || !code.isString()) {
            refuse(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "The body must be {\"username\": <1 to 255 characters>, \"code\": <a recovery code>}."));
            return;
        }
        if (!rules.admit(request, username)) {
            // Nothing spent or looked up: the same answer for every user, since the rules are the app's, not theirs.
            ProblemDetail problem = Problems.of(
                    HttpStatus.FORBIDDEN,
                    "The app's authorization rules refuse a recovery session the passkeys page or adding a passkey"
                            + " (the server log says which, and how to allow it): no code was used.");
            problem.setProperty("reason", "RECOVERY_UNAVAILABLE");
            refuse(request, response, problem);
            return;
        }
        UserDetails user = signInAble(username);
        String accountId = user == null ? null : accountIds.accountIdOf(user);
        RecoveryAttempt attempt = accountId == null
                ? RecoveryAttempt.forUnknownUser(username, code.asString())
                : RecoveryAttempt.forAccount(accountId, username, code.asString());
        Map<String, Object> answer;
        try {
            // The session is made inside the redemption, so a session limit that refuses it gives the code back.
            answer = codes.redeem(attempt, recovered -> {
                Map<String, Object> signedIn = new LinkedHashMap<>();
                signedIn.put("redirectUrl", recovery.signInForRecovery(request, response, user.getUsername()));
                signedIn.put("codesLeft", recovered.codesLeft());
                return signedIn;
            });
        } catch (PasskeyException e) {
            ProblemDetail problem = Problems.of(e);
            if (e.reason() == PasskeyException.Reason.RECOVERY_LOCKED) {
                // At most one lockout window from now (it runs from the last wrong try).
                response.setHeader(
                        "Retry-After", Long.toString(codes.policy().lockout().toSeconds()));
            }
            refuse(request, response, problem);
            return;
        } catch (SessionAuthenticationException limit) {
            // The app's session limit: said plainly, not a 500 (README: "Session limits"); the code is not spent.
            log.info("A right recovery code of " + Printable.of(username) + " was refused by the app's session limit"
                    + " (" + limit.getMessage() + "); the code was given back");
            refuse(request, response, Problems.sessionLimitReached());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        PasskeysJson.mapper().writeValue(response.getOutputStream(), answer);
    }

    /** The user, when it exists and may sign in; {@code null} otherwise (answered as an unknown user). */
    private UserDetails signInAble(String username) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user != null
                            && user.isEnabled()
                            && user.isAccountNonLocked()
                            && user.isAccountNonExpired()
                            && user.isCredentialsNonExpired()
                    ? user
                    : null;
        } catch (AuthenticationException unknown) {
            return null;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.write(request, response, problem, messages);
    }
}
