package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/passkey-endpoints} (W3C Passkey Endpoints) and {@code GET /.well-known/webauthn} (WebAuthn
 * related origins) for anyone, answered before authorization: password managers and browsers fetch them signed out,
 * and they hold only URLs the site already publishes. Each is served only when configured.
 */
final class PasskeysWellKnownFilter extends RequestFilter {

    static final String ENDPOINTS = "/.well-known/passkey-endpoints";
    static final String WEBAUTHN = "/.well-known/webauthn";

    private final String enrollUrl;
    private final String manageUrl;
    private final List<String> relatedOrigins;

    /** {@code enrollUrl} and {@code manageUrl} null: no passkey-endpoints; no related origins: no webauthn. */
    PasskeysWellKnownFilter(String enrollUrl, String manageUrl, List<String> relatedOrigins) {
        this.enrollUrl = enrollUrl;
        this.manageUrl = manageUrl;
        this.relatedOrigins = List.copyOf(relatedOrigins);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, Object> document = documentFor(request);
        if (document == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(document);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        // Both change only with the app's configuration: a day's caching spares clients a request per visit.
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** The document asked for, compared on the raw URI so that nothing but the exact path matches; else null. */
    private Map<String, Object> documentFor(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(ENDPOINTS) && enrollUrl != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("enroll", absolute(enrollUrl, request));
            document.put("manage", absolute(manageUrl, request));
            return document;
        }
        if (path.equals(WEBAUTHN) && !relatedOrigins.isEmpty()) {
            return Map.of("origins", relatedOrigins);
        }
        return null;
    }

    /** The spec asks for absolute URLs: a path is resolved against this request's host and context path. */
    private static String absolute(String url, HttpServletRequest request) {
        if (URI.create(url).isAbsolute()) {
            return url;
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(url)
                .encode(StandardCharsets.UTF_8)
                .toUriString();
    }
}
