package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.List;

/**
 * Where a signed-in user without a recent passkey confirmation goes (Spring Security calls this for a missing or
 * expired {@code FACTOR_WEBAUTHN}, after saving a page request): a page request to the step-up page, which brings
 * the user back; any other request gets a 401 problem with {@code reason} {@code STEP_UP_REQUIRED}.
 */
final class PasskeyStepUpEntryPoint implements AuthenticationEntryPoint {

    private final String basePath;
    private final PasskeysMessages messages;

    PasskeyStepUpEntryPoint(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + basePath + "/step-up");
            return;
        }
        Problems.write(
                request,
                response,
                PasskeyStepUpRequiredException.problem(request.getContextPath() + basePath),
                messages);
    }

    /** A browser navigating to a page: GET, HTML accepted, not a script's request. */
    static boolean wantsPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.includes(MediaType.TEXT_HTML) && !t.isWildcardType());
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
