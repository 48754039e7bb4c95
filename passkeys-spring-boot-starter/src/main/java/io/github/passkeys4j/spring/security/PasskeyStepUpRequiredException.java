package io.github.passkeys4j.spring.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;

/**
 * A request that needs a recent passkey confirmation (step-up) and has none. An {@link AuthorizationDeniedException},
 * so Spring Security's handling applies anywhere; the starter's endpoints answer it with {@link #problem(String)}.
 */
public final class PasskeyStepUpRequiredException extends AuthorizationDeniedException {

    /** The {@code reason} of the problem a JSON request gets. */
    public static final String REASON = "STEP_UP_REQUIRED";

    public PasskeyStepUpRequiredException(AuthorizationResult result) {
        super("Confirm a passkey with user verification first (step-up).", result);
    }

    /** The developer's words of the 401 problem; the user's come from {@code passkeys.problem.STEP_UP_REQUIRED}. */
    public static ProblemDetail problem(String basePath) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "This action needs a recent passkey confirmation with user verification (step-up): POST " + basePath
                        + "/step-up/options, run navigator.credentials.get with them, POST the credential to "
                        + basePath + "/step-up, then retry (passkeys.js: Passkeys.withStepUp does all of it).");
        problem.setTitle("Step-up required");
        problem.setProperty("reason", REASON);
        problem.setProperty("stepUpUrl", basePath + "/step-up");
        return problem;
    }
}
