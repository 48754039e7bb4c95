package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.spring.internal.MalformedBody;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.security.PasskeyStepUpRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the passkey endpoints as an RFC 9457 problem, with the user's message in their language; nothing
 * internal reaches the client.
 */
// First among advices: it covers only the starter's controllers, whose problems an app's global advice must not take.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
        assignableTypes = {
            PasskeysController.class,
            PasskeyCredentialsController.class,
            PasskeyUpgradeController.class,
            RecoveryCodesController.class,
            PasskeysDiagnosticsController.class
        })
public final class PasskeysExceptionHandler {

    private final PasskeysMessages messages;
    private final String basePath;

    public PasskeysExceptionHandler(PasskeysMessages messages, String basePath) {
        this.messages = messages;
        this.basePath = basePath;
    }

    @ExceptionHandler(PasskeyException.class)
    ProblemDetail refused(PasskeyException e, HttpServletRequest request) {
        return Problems.answer(request, Problems.of(e), messages);
    }

    @ExceptionHandler(PasskeyStepUpRequiredException.class)
    ProblemDetail stepUpRequired(HttpServletRequest request) {
        return Problems.answer(
                request, PasskeyStepUpRequiredException.problem(request.getContextPath() + basePath), messages);
    }

    @ExceptionHandler(PasskeysController.SignInRequiredException.class)
    ProblemDetail signedOut(HttpServletRequest request) {
        return Problems.answer(request, Problems.of(HttpStatus.UNAUTHORIZED, Problems.NOT_SIGNED_IN), messages);
    }

    @ExceptionHandler(PasskeysController.SignInAgainException.class)
    ProblemDetail signInAgain(HttpServletRequest request) {
        return Problems.answer(request, Problems.signInAgain(), messages);
    }

    @ExceptionHandler(PasskeyUpgradeController.NotAfterPasswordException.class)
    ProblemDetail notAfterPassword(PasskeyUpgradeController.NotAfterPasswordException e, HttpServletRequest request) {
        return Problems.answer(request, Problems.of(HttpStatus.FORBIDDEN, e.getMessage()), messages);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e instanceof MalformedBody shape) {
            return Problems.answer(request, Problems.of(HttpStatus.BAD_REQUEST, shape.getMessage()), messages);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PasskeysEndpointFilter.LimitExceededException tooLarge) {
                return Problems.answer(
                        request, Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()), messages);
            }
        }
        return Problems.answer(
                request,
                Problems.of(
                        HttpStatus.BAD_REQUEST, "The request body is not valid JSON, or not of the expected shape."),
                messages);
    }

    @ExceptionHandler(RegistrationKinds.BadKindException.class)
    ProblemDetail badKind(RegistrationKinds.BadKindException e, HttpServletRequest request) {
        return Problems.answer(request, Problems.of(HttpStatus.BAD_REQUEST, e.getMessage()), messages);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpServletRequest request) {
        return Problems.answer(
                request,
                Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json."),
                messages);
    }
}
