package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.io.IOException;

/**
 * When the app's rules refuse a signed-out call to one of our JSON endpoints, answers 401 with a problem body instead
 * of the app's login redirect, which a {@code fetch} would follow into an HTML page. It decides nothing: the refusal
 * is the app's ({@code AuthorizationFilter}, after this filter); a signed-in user's refusal stays the app's 403, and
 * the pages ({@code GET <base>/manage}, {@code <base>/diagnostics} and {@code <base>/step-up}) still go to the app's login.
 */
final class PasskeysSignInRequiredFilter extends RequestFilter {

    private final String basePath;
    private final PasskeysMessages messages;
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
    private SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public PasskeysSignInRequiredFilter(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
    }

    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contextHolder) {
        this.contextHolder = contextHolder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith(basePath + "/")
                || path.equals(basePath + "/manage")
                || path.equals(basePath + "/diagnostics")
                || (path.equals(basePath + "/step-up") && "GET".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationCredentialsNotFoundException e) {
            // anonymous().disable(): no authentication at all is what a signed-out request has then.
            if (response.isCommitted()) {
                throw e;
            }
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.NOT_SIGNED_IN), messages);
        } catch (AccessDeniedException e) {
            Authentication authentication = contextHolder.getContext().getAuthentication();
            if (response.isCommitted() || (authentication != null && !trustResolver.isAnonymous(authentication))) {
                throw e;
            }
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.NOT_SIGNED_IN), messages);
        }
    }
}
