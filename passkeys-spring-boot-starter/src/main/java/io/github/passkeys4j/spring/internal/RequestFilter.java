package io.github.passkeys4j.spring.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.GenericFilterBean;

import java.io.IOException;

/**
 * The base of the starter's filters: {@link #doFilterInternal} runs on a request's own dispatch only; error, async,
 * forward and include dispatches pass through. It asks the dispatch type instead of setting, reading and removing a
 * request attribute per filter and request, as {@code OncePerRequestFilter} does, through every wrapper Spring Security
 * puts around the request: with eleven such filters that was about 5 % of a sign-in's request samples (issue 13's
 * profile, JDK 25). One difference: {@code OncePerRequestFilter} also filtered a forward or include from a request
 * that had not passed the filter (an app forwarding into a path of another filter chain); this one never does.
 *
 * <p>Internal: not API, may change in any release.
 */
public abstract class RequestFilter extends GenericFilterBean {

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            throw new ServletException(getClass().getSimpleName() + " handles HTTP requests only");
        }
        if (http.getDispatcherType() != DispatcherType.REQUEST || shouldNotFilter(http)) {
            chain.doFilter(request, response);
            return;
        }
        doFilterInternal(http, httpResponse, chain);
    }

    /** Whether this request passes through untouched; by default none does. */
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return false;
    }

    /** The filter's work, on a request's own dispatch. */
    protected abstract void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException;
}
