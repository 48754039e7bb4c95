package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.FinishSignUp;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.SignUpAccounts;
import io.github.passkeys4j.SignUpResult;
import io.github.passkeys4j.StartSignUp;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.spring.internal.MalformedBody;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * {@code POST <base>/sign-up/options} ({@code {"username", "displayName"?}}: creation options, 409 for a taken
 * username) and {@code POST <base>/sign-up} ({@code {"username", "displayName"?, "credential", "name"?}}: 201, the new
 * user signed in). Anonymous: a filter before authorization, as the sign-in endpoints, so the app's rules never have to
 * open them and no other URL is opened. CSRF and the body-size limit apply as to every endpoint. The options store
 * nothing: their challenge is sealed over the username, display name and the browser's binding cookie (the one sign-in
 * uses), which the finish gives again.
 */
final class PasskeySignUpFilter extends RequestFilter {

    private final RelyingParty relyingParty;
    private final PasskeySignUp signUp;
    private final SignUpSignIn signIn;
    private final PasskeysMessages messages;
    private final RequestMatcher options;
    private final RequestMatcher finish;

    PasskeySignUpFilter(
            RelyingParty relyingParty,
            PasskeySignUp signUp,
            SignUpSignIn signIn,
            PasskeysMessages messages,
            String basePath) {
        this.relyingParty = relyingParty;
        this.signUp = signUp;
        this.signIn = signIn;
        this.messages = messages;
        this.options = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/sign-up/options");
        this.finish = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/sign-up");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean start = options.matches(request);
        if (!start && !finish.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            if (!RequestBodies.isJson(request.getContentType())) {
                Problems.write(
                        request,
                        response,
                        Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json."),
                        messages);
                return;
            }
            JsonNode body = PasskeysJson.read(RequestBodies.text(request));
            if (start) {
                start(body, request, response);
            } else {
                finish(body, request, response);
            }
        } catch (PasskeyException e) {
            Problems.write(request, response, Problems.of(e), messages);
        } catch (HttpMessageNotReadableException e) {
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, e.getMessage()), messages);
        }
    }

    private void start(JsonNode body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String binding = SignInBinding.forRequest(request);
        StartSignUp start = startedAs(body, binding);
        if (signUp.accounts().usernameExists(start.username())) {
            throw new PasskeyException(Reason.USERNAME_TAKEN);
        }
        PublicKeyCredentialCreationOptions options = relyingParty.startSignUp(start);
        SignInBinding.send(request, response, binding, relyingParty.ceremonyTimeout());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        PasskeysJson.mapper().writeValue(response.getOutputStream(), options);
    }

    private StartSignUp startedAs(JsonNode body, @Nullable String binding) {
        return StartSignUp.of(username(body.path("username")))
                .withDisplayName(displayName(body.path("displayName")))
                .withBrowserBinding(binding);
    }

    private void finish(JsonNode body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode credential = body.path("credential");
        if (!credential.isObject()) {
            throw new MalformedBody(
                    "The body must be {\"username\": <as for the options>, \"displayName\": <as for the options>,"
                            + " \"credential\": <PublicKeyCredential.toJSON()>, \"name\": optional}.");
        }
        JsonNode name = body.path("name");
        if (!name.isMissingNode() && !name.isNull() && !name.isString()) {
            throw new PasskeyException(Reason.INVALID_NAME, "The name must be a string.");
        }
        StartSignUp startedAs = startedAs(body, SignInBinding.read(request));
        SignUpResult result =
                relyingParty.finishSignUp(FinishSignUp.of(startedAs, credential.toString(), new Accounts())
                        .withName(name.asString(null))
                        .withFallbackName(signUp.deviceNames().apply(request.getHeader("User-Agent"))));
        signIn.signIn(result, request, response);
    }

    private String username(JsonNode node) {
        if (!node.isString()) {
            throw new PasskeyException(Reason.INVALID_USERNAME, "The body must be {\"username\": <string>, …}.");
        }
        String username = node.asString().strip();
        if (!signUp.usernamePattern().matcher(username).matches()) {
            throw new PasskeyException(
                    Reason.INVALID_USERNAME,
                    "The username does not match passkeys.sign-up.username-pattern (" + signUp.usernamePattern()
                            + ").");
        }
        return username;
    }

    private String displayName(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new PasskeyException(Reason.INVALID_DISPLAY_NAME, "The display name must be a string.");
        }
        String displayName = node.asString().strip();
        if (displayName.length() > signUp.displayNameMaxLength()) {
            throw new PasskeyException(
                    Reason.INVALID_DISPLAY_NAME,
                    "The display name is longer than passkeys.sign-up.display-name-max-length ("
                            + signUp.displayNameMaxLength() + ").");
        }
        return displayName;
    }

    /** The app's {@link io.github.passkeys4j.spring.account.PasskeySignUpAccounts} as the core asks for it. */
    private final class Accounts implements SignUpAccounts {
        @Override
        public String create(String username, String displayName) {
            try {
                return signUp.accounts().createAccount(username, displayName);
            } catch (RuntimeException e) {
                if (isDuplicateKey(e)) {
                    throw new PasskeyException(
                            Reason.USERNAME_TAKEN, "Another sign-up created this username first.", e);
                }
                throw e;
            }
        }

        @Override
        public void remove(String accountId) {
            signUp.accounts().removeAccount(accountId);
        }
    }

    /** Spring's DuplicateKeyException, looked up by name: spring-tx need not be on the classpath. */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals("org.springframework.dao.DuplicateKeyException")) {
                    return true;
                }
            }
        }
        return false;
    }
}
