package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET <base>/passkeys.js}, {@code passkeys-manage.js}, {@code passkeys.css} and {@code messages} (the client's
 * texts) for anyone (a login page needs them before sign-in), answered before authorization as Spring Security's
 * {@code DefaultResourcesFilter} does. They hold no data, only the library's code, style and texts.
 */
final class PasskeysClientFilesFilter extends RequestFilter {

    private final String basePath;
    private final PasskeysMessages messages;

    public PasskeysClientFilesFilter(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = fileOf(request);
        if (name == null) {
            chain.doFilter(request, response);
            return;
        }
        if (name.equals(ClientFiles.MESSAGES)) {
            ClientFiles.serveMessages(messages, request, response);
        } else {
            ClientFiles.serve(name, request, response);
        }
    }

    /** The file asked for, compared on the raw URI so that nothing but the exact path matches. */
    private String fileOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        String prefix = request.getContextPath() + basePath + "/";
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix)) {
            return null;
        }
        String name = uri.substring(prefix.length());
        return ClientFiles.names().contains(name) || name.equals(ClientFiles.MESSAGES) ? name : null;
    }
}
