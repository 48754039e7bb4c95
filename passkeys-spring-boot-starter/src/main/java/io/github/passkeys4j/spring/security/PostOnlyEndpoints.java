package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.List;

/**
 * 405 with {@code Allow: POST} for another method on an endpoint the starter answers in a filter (sign-in, step-up
 * options, sign-up, recovery): the filters match POST only, so a GET fell through to a 404, where the controllers'
 * endpoints answer 405. After authorization, as for any of the app's URLs: only POST is answered before the app's
 * rules, so a visitor the rules refuse gets their answer (a 401, a redirect to sign in) first. OPTIONS and HEAD pass
 * on, to CORS and the container.
 */
final class PostOnlyEndpoints extends RequestFilter {

    private final String basePath;
    private final RequestMatcher endpoints;
    private final PasskeysMessages messages;

    PostOnlyEndpoints(String basePath, List<String> paths, PasskeysMessages messages) {
        this.basePath = basePath;
        this.endpoints = new OrRequestMatcher(paths.stream()
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(basePath + path))
                .toList());
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method)
                || "OPTIONS".equals(method)
                || "HEAD".equals(method)
                || !request.getRequestURI().contains(basePath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!endpoints.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", "POST");
        Problems.write(
                request,
                response,
                Problems.of(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "This endpoint does not accept HTTP method " + request.getMethod() + "."),
                messages);
    }
}
