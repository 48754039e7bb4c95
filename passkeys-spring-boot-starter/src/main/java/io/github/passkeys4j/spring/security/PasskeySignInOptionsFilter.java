package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.internal.OriginWarnings;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestBodies;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST <base>/authentication/options}: the options of a sign-in, for anyone. With no body (or {@code {}}) a
 * username-less one; with {@code {"username": "…"}} a username-first one (security keys), whose options list the
 * account's passkeys, or stand-ins of the same shape for a username with none. A filter placed before authorization
 * (as Spring Security's {@code PublicKeyCredentialRequestOptionsFilter}), so the app's URL rules never have to open it.
 * The JSON is written by our own mapper: the app's Jackson settings cannot rename its fields. A body must be declared
 * {@code application/json} (else 415).
 */
final class PasskeySignInOptionsFilter extends RequestFilter {

    /** Longer usernames are refused (400): no account has one, and they would only cost hashing. */
    static final int MAX_USERNAME_LENGTH = 256;

    private static final String SHAPE =
            "The body must be empty, {} or {\"username\": \"<1 to " + MAX_USERNAME_LENGTH + " characters>\"}.";

    private final RelyingParty relyingParty;
    private final RequestMatcher matcher;
    private final @Nullable UserDetailsService users;
    private final AccountIdResolver accountIds;
    private final PasskeysMessages messages;

    PasskeySignInOptionsFilter(
            RelyingParty relyingParty,
            String basePath,
            @Nullable UserDetailsService users,
            AccountIdResolver accountIds,
            PasskeysMessages messages) {
        this.relyingParty = relyingParty;
        this.matcher =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/authentication/options");
        this.users = users;
        this.accountIds = accountIds;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String body = RequestBodies.text(request);
        if (!body.isBlank() && !RequestBodies.isJson(request.getContentType())) {
            Problems.write(
                    request,
                    response,
                    Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json."),
                    messages);
            return;
        }
        String username;
        try {
            username = username(body);
        } catch (IllegalArgumentException e) {
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, e.getMessage()), messages);
            return;
        }
        OriginWarnings.check(request, relyingParty);
        // Stateless: no session, nothing stored; the challenge is sealed and bound to this browser's cookie.
        String binding = SignInBinding.forRequest(request);
        StartAuthentication start = username == null
                ? StartAuthentication.discoverable()
                : StartAuthentication.usernameFirst(username, accountIdOf(username));
        PublicKeyCredentialRequestOptions options = relyingParty.startAuthentication(start.withBrowserBinding(binding));
        SignInBinding.send(request, response, binding, Duration.ofMillis(options.timeout()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        PasskeysJson.mapper().writeValue(response.getOutputStream(), options);
    }

    /** The username of a username-first request, {@code null} for a username-less one; refuses other bodies. */
    private static @Nullable String username(String body) {
        if (body.isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = PasskeysJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The body is not JSON. " + SHAPE);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(SHAPE);
        }
        JsonNode username = json.path("username");
        if (username.isMissingNode() || username.isNull()) {
            return null;
        }
        String value = username.isString() ? username.asString().strip() : "";
        if (value.isEmpty()
                || value.length() > MAX_USERNAME_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(SHAPE);
        }
        return value;
    }

    /** The application's account under this username, or {@code null} when it has none (or cannot say). */
    private @Nullable String accountIdOf(String username) {
        if (users == null) {
            return null;
        }
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user == null ? null : accountIds.accountIdOf(user);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
