package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps a recovery session ({@link PasskeyRecovery}) to its one job, before the app's rules see it: it may open the
 * passkeys page, list and add passkeys (and read what the page tells the passkey provider), sign in with a passkey
 * (which ends the recovery), sign out, and load static files. Any other page is sent to the passkeys page; any other request is answered 403
 * ({@code RECOVERY_SESSION_LIMITED}). Other sessions pass untouched.
 */
final class RecoverySessionFilter extends RequestFilter {

    private static final Set<String> STATIC = Set.of(
            "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff", "woff2", "ttf");

    private final String basePath;
    private final PasskeysMessages messages;
    private SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    RecoverySessionFilter(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
    }

    void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contextHolder) {
        this.contextHolder = contextHolder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PasskeyRecovery.isRecoverySession(contextHolder.getContext().getAuthentication()) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String accept = request.getHeader("Accept");
        if (read && accept != null && accept.contains("text/html")) {
            response.sendRedirect(request.getContextPath() + basePath + "/manage?recovery");
            return;
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "A recovery session may only add a passkey: sign in with the new passkey first (see PasskeyRecovery).");
        problem.setProperty("reason", "RECOVERY_SESSION_LIMITED");
        Problems.write(request, response, problem, messages);
    }

    private boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read) {
            return path.equals(basePath + "/manage")
                    || path.equals(basePath + "/credentials")
                    || path.equals(basePath + "/messages")
                    || path.equals(basePath + "/signals")
                    || path.equals("/error")
                    || (STATIC.contains(extension(path)) && isSubresource(request));
        }
        return "POST".equals(method)
                && (path.equals(basePath + "/registration/options")
                        || path.equals(basePath + "/registration")
                        || path.equals(basePath + "/authentication/options")
                        || path.equals(basePath + "/authentication")
                        || path.equals(basePath + "/recovery")
                        || path.equals("/logout"));
    }

    /**
     * A style sheet, script, image or font the page loads (the layout of the passkeys page), not a page opened or a
     * call from a script: an app route such as {@code /files/{name}} stays closed at {@code /files/q3.png}. Browsers
     * say which in {@code Sec-Fetch-Dest}; without it, what asks for HTML or JSON first is no subresource.
     */
    private static boolean isSubresource(HttpServletRequest request) {
        String dest = request.getHeader("Sec-Fetch-Dest");
        if (dest != null) {
            return SUBRESOURCES.contains(dest);
        }
        String accept = request.getHeader("Accept");
        return accept == null || !(accept.startsWith("text/html") || accept.startsWith("application/json"));
    }

    private static final Set<String> SUBRESOURCES = Set.of("style", "script", "image", "font", "manifest");

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
