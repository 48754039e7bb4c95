package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.spring.internal.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of the passkey endpoints as an RFC 9457 problem; nothing internal reaches the client. */
@RestControllerAdvice(
        assignableTypes = {
            PasskeysController.class,
            PasskeyCredentialsController.class,
            PasskeysDiagnosticsController.class
        })
public final class PasskeysExceptionHandler {

    @ExceptionHandler(PasskeyException.class)
    ProblemDetail refused(PasskeyException e) {
        return Problems.of(e);
    }

    @ExceptionHandler(PasskeysController.SignInRequiredException.class)
    ProblemDetail signedOut() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "Sign in first.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PasskeysEndpointFilter.LimitExceededException tooLarge) {
                return Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType() {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
    }
}
