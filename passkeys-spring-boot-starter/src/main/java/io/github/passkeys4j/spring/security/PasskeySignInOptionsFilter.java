package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST <base>/authentication/options}: the options of a username-less sign-in, for anyone. A filter placed
 * before authorization (as Spring Security's {@code PublicKeyCredentialRequestOptionsFilter}), so the app's URL rules
 * never have to open it. The JSON is written by our own mapper: the app's Jackson settings cannot rename its fields.
 */
final class PasskeySignInOptionsFilter extends OncePerRequestFilter {

    private final RelyingParty relyingParty;
    private final RequestMatcher matcher;

    public PasskeySignInOptionsFilter(RelyingParty relyingParty, String basePath) {
        this.relyingParty = relyingParty;
        this.matcher =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/authentication/options");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        // Stateless: no session, nothing stored; the challenge is sealed and bound to this browser's cookie.
        String binding = SignInBinding.forRequest(request);
        PublicKeyCredentialRequestOptions options = relyingParty.startAuthentication(
                StartAuthentication.discoverable().withBrowserBinding(binding));
        SignInBinding.send(request, response, binding, Duration.ofMillis(options.timeout()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        PasskeysJson.mapper().writeValue(response.getOutputStream(), options);
    }
}
