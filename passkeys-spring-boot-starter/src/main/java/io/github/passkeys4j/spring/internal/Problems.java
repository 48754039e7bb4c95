package io.github.passkeys4j.spring.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9457 problem bodies for every refusal, in two voices: {@code detail} for the developer (the failed check, the
 * setting that fixes it; also in the log), {@code message} for the user in their language (what happened, what to do).
 * {@code reason} names the check; never a stack trace. Shared by the MVC endpoints and the filters so all answer alike.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class Problems {

    private static final Log log = LogFactory.getLog(Problems.class);

    /** Refusals a developer or operator should look at: the set-up is wrong, or a passkey may be cloned. */
    private static final Set<String> WARN = Set.of(
            "ORIGIN_NOT_ALLOWED",
            "CROSS_ORIGIN_NOT_ALLOWED",
            "RP_ID_MISMATCH",
            "SIGN_COUNTER_REGRESSED",
            "USER_HANDLE_MISMATCH");

    /** The reasons of refusals that are not a failed ceremony check ({@code PasskeyException.Reason} has those). */
    public static final List<String> OTHER_REASONS = List.of(
            "SIGN_IN_REQUIRED",
            "SIGN_IN_AGAIN",
            "CSRF_TOKEN_INVALID",
            "FORBIDDEN",
            "NOT_FOUND",
            "METHOD_NOT_ALLOWED",
            "REQUEST_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
            "MALFORMED_REQUEST",
            "SERVER_ERROR",
            "STORAGE_UNAVAILABLE",
            "TOO_MANY_REQUESTS",
            "ACCOUNT_UNAVAILABLE",
            "PASSWORD_EXPIRED",
            "PASSKEY_NOT_MOVED",
            "SESSION_LIMIT_REACHED",
            "RECOVERY_SESSION_LIMITED",
            "RECOVERY_UNAVAILABLE",
            "STEP_UP_REQUIRED",
            "STEP_UP_NO_PASSKEY");

    /** The developer's words for a request that needs a signed-in user. */
    /** The developer's words for a storage outage (503); the server log says more. */
    public static final String STORAGE_UNAVAILABLE_DETAIL =
            "The passkey storage (database) did not answer in time; the server log says which request.";

    public static final String NOT_SIGNED_IN =
            "Not signed in: this endpoint needs a session that the app's rules accept.";

    private Problems() {}

    /** The HTTP status a refused ceremony answers with. */
    public static HttpStatus statusOf(Reason reason) {
        return switch (reason) {
            case MALFORMED_RESPONSE, INVALID_NAME, PUBLIC_KEY_NOT_ACCEPTED, ATTESTATION_INVALID ->
                HttpStatus.BAD_REQUEST;
            case INVALID_USERNAME, INVALID_DISPLAY_NAME -> HttpStatus.BAD_REQUEST;
            case USERNAME_TAKEN -> HttpStatus.CONFLICT;
            case CREDENTIAL_ALREADY_REGISTERED, TOO_MANY_PASSKEYS, LAST_SIGN_IN_METHOD -> HttpStatus.CONFLICT;
            // The response belongs to another ceremony, or lost a race with another registration of the account.
            case CHALLENGE_MISMATCH -> HttpStatus.CONFLICT;
            case PASSKEY_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RECOVERY_LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
            case ORIGIN_NOT_ALLOWED, CROSS_ORIGIN_NOT_ALLOWED, RP_ID_MISMATCH -> HttpStatus.FORBIDDEN;
            // The app's attestation policy refuses this authenticator: a well-formed answer, not allowed here.
            case ATTESTATION_NOT_TRUSTED, AUTHENTICATOR_REVOKED -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.UNAUTHORIZED;
        };
    }

    public static ProblemDetail of(PasskeyException e) {
        ProblemDetail problem = of(statusOf(e.reason()), e.getMessage());
        // type stays about:blank: the reason property names the check, and no URL of someone else's is implied.
        problem.setTitle(title(e.reason()));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    /** A problem that is not a refused ceremony; its {@code reason} names the kind of refusal (callers may refine it). */
    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty(
                "reason",
                switch (status) {
                    case UNAUTHORIZED -> "SIGN_IN_REQUIRED";
                    case FORBIDDEN -> "FORBIDDEN";
                    case NOT_FOUND -> "NOT_FOUND";
                    case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
                    case CONTENT_TOO_LARGE -> "REQUEST_TOO_LARGE";
                    case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
                    case BAD_REQUEST -> "MALFORMED_REQUEST";
                    case SERVICE_UNAVAILABLE -> "STORAGE_UNAVAILABLE";
                    default -> status.is5xxServerError() ? "SERVER_ERROR" : status.name();
                });
        return problem;
    }

    /** A session signed in by remember-me alone, asking to see or change passkeys, or to step up. */
    public static ProblemDetail signInAgain() {
        ProblemDetail problem = of(
                HttpStatus.UNAUTHORIZED,
                "Signed in by remember-me only: passkeys, recovery codes and step-ups need a sign-in (a password or a"
                        + " passkey), as Spring Security's fullyAuthenticated() would.");
        problem.setProperty("reason", "SIGN_IN_AGAIN");
        return problem;
    }

    /**
     * The app's session management refused another session for the user ({@code maximumSessions(n)} with
     * {@code maxSessionsPreventsLogin(true)}): the sign-in itself passed.
     */
    public static ProblemDetail sessionLimitReached() {
        ProblemDetail problem = of(
                HttpStatus.CONFLICT,
                "The app's session management refused another session for this user (SessionAuthenticationException,"
                        + " e.g. sessionManagement().maximumSessions(n).maxSessionsPreventsLogin(true)): they must"
                        + " sign out elsewhere, or that session end, first.");
        problem.setProperty("reason", "SESSION_LIMIT_REACHED");
        return problem;
    }

    /**
     * Adds the user's {@code message} (in the request's language) to {@code problem} and logs one line with the
     * reason and the detail (no secrets: details never hold any). Returns {@code problem}.
     */
    public static ProblemDetail answer(HttpServletRequest request, ProblemDetail problem, PasskeysMessages messages) {
        String reason = String.valueOf(
                problem.getProperties() == null ? null : problem.getProperties().get("reason"));
        problem.setProperty("message", messages.problem(reason, messages.locale(request)));
        if (problem.getStatus() < 500) { // a 5xx is logged with its stack trace where it is caught
            String line = "Passkeys for Java refused " + request.getMethod() + " " + request.getRequestURI() + ": "
                    + problem.getStatus() + " " + reason + " - " + problem.getDetail();
            if (WARN.contains(reason)) {
                log.warn(line);
            } else {
                log.info(line);
            }
        }
        return problem;
    }

    /** {@link #answer} and {@link #write(HttpServletResponse, ProblemDetail)}. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, PasskeysMessages messages)
            throws IOException {
        write(response, answer(request, problem, messages));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The same JSON as Spring MVC writes for a ProblemDetail: extra properties at the top level.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        PasskeysJson.mapper().writeValue(response.getOutputStream(), body);
    }

    private static String title(Reason reason) {
        String words = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
