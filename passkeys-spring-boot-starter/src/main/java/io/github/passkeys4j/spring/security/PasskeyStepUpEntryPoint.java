package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where a signed-in user without a recent passkey confirmation goes (Spring Security calls this for a missing or
 * expired {@code FACTOR_WEBAUTHN}, after saving a page request): a page request to the step-up page, which brings
 * the user back; a form sent from a page to the step-up page and back to that page, to send it again; any other
 * request gets a 401 problem with {@code reason} {@code STEP_UP_REQUIRED}.
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
        String stepUpPage = request.getContextPath() + basePath + "/step-up";
        if (isNavigation(request) && "GET".equals(request.getMethod())) {
            response.sendRedirect(stepUpPage);
            return;
        }
        if (isNavigation(request) && "POST".equals(request.getMethod())) {
            // A form: the step-up page, then back to the form's page (its Referer) to send it again. 303, so the
            // browser GETs the page instead of posting the form to it.
            String back = ReturnPaths.ofReferer(request.getHeader("Referer"), request.getContextPath());
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(
                    "Location",
                    back == null
                            ? stepUpPage
                            : stepUpPage + "?returnTo=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        Problems.write(
                request,
                response,
                PasskeyStepUpRequiredException.problem(request.getContextPath() + basePath),
                messages);
    }

    /**
     * A browser navigating (a link or a form, not a script): {@code Sec-Fetch-Mode: navigate} where the browser sends
     * it, else HTML accepted by name and no {@code X-Requested-With}.
     */
    static boolean isNavigation(HttpServletRequest request) {
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
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
