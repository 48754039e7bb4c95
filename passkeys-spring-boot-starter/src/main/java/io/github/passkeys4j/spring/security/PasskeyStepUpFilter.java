package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.AuthenticationResult;
import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.UserVerification;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.MalformedBody;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestBodies;
import io.github.passkeys4j.spring.internal.RequestFilter;
import io.github.passkeys4j.spring.internal.ReturnPaths;
import io.github.passkeys4j.store.Passkey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The step-up ceremony of a signed-in user: {@code POST <base>/step-up/options} gives options that only the
 * account's own passkeys answer, with user verification required whatever {@code passkeys.user-verification} says;
 * {@code POST <base>/step-up} with {@code {"credential": …, "returnTo": optional same-site path}} verifies the answer
 * and renews the session's {@code FACTOR_WEBAUTHN} (same principal, new session id), then answers
 * {@code {"redirectUrl": …}}: the path given, else the request saved when the step-up was asked for, else the default
 * success URL. A refusal changes nothing of the session.
 */
final class PasskeyStepUpFilter extends RequestFilter {

    /** The {@code reason} of a step-up asked of an account without a passkey. */
    static final String NO_PASSKEY = "STEP_UP_NO_PASSKEY";

    private static final Log log = LogFactory.getLog(PasskeyStepUpFilter.class);

    private final RelyingParty relyingParty;
    private final PasskeyAccounts accounts;
    private final PasskeysMessages messages;
    private final RequestMatcher options;
    private final RequestMatcher finish;
    private final String defaultSuccessUrl;
    private final RequestCache requestCache;
    private final SecurityContextRepository contextRepository;
    private final ChangeSessionIdAuthenticationStrategy newSessionId = new ChangeSessionIdAuthenticationStrategy();
    private final SecurityContextHolderStrategy contextHolder;

    PasskeyStepUpFilter(
            RelyingParty relyingParty,
            PasskeyAccounts accounts,
            PasskeysMessages messages,
            String basePath,
            String defaultSuccessUrl,
            RequestCache requestCache,
            SecurityContextRepository contextRepository,
            SecurityContextHolderStrategy contextHolder) {
        // A step-up is worth something only with user verification: required here even where sign-in relaxed it.
        this.relyingParty = relyingParty.userVerification() == UserVerification.REQUIRED
                ? relyingParty
                : relyingParty.toBuilder()
                        .userVerification(UserVerification.REQUIRED)
                        .build();
        this.accounts = accounts;
        this.messages = messages;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.options = paths.matcher(HttpMethod.POST, basePath + "/step-up/options");
        this.finish = paths.matcher(HttpMethod.POST, basePath + "/step-up");
        this.defaultSuccessUrl = defaultSuccessUrl;
        this.requestCache = requestCache;
        this.contextRepository = contextRepository;
        this.contextHolder = contextHolder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isOptions = options.matches(request);
        if (!isOptions && !finish.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = contextHolder.getContext().getAuthentication();
        PasskeyAccounts.Account account = accounts.current(authentication).orElse(null);
        try {
            if (account == null) {
                refuse(
                        request,
                        response,
                        PasskeyAccounts.isRememberedOnly(authentication)
                                ? Problems.signInAgain()
                                : Problems.of(HttpStatus.UNAUTHORIZED, Problems.NOT_SIGNED_IN));
            } else if (isOptions) {
                startStepUp(request, account, response);
            } else {
                finishStepUp(request, response, authentication, account);
            }
        } catch (PasskeyException e) {
            refuse(request, response, Problems.of(e));
        } catch (HttpMessageNotReadableException e) {
            refuse(request, response, Problems.of(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }

    private void startStepUp(HttpServletRequest request, PasskeyAccounts.Account account, HttpServletResponse response)
            throws IOException {
        if (relyingParty.management().list(account.id()).stream().noneMatch(Passkey::enabled)) {
            // Nothing to confirm with (and with no allowCredentials the browser would offer any passkey it has).
            ProblemDetail problem = Problems.of(
                    HttpStatus.CONFLICT, "The signed-in account has no passkey (turned on) to confirm a step-up with.");
            problem.setProperty("reason", NO_PASSKEY);
            refuse(request, response, problem);
            return;
        }
        PublicKeyCredentialRequestOptions options =
                relyingParty.startAuthentication(StartAuthentication.forAccount(account.id()));
        json(response, options);
    }

    private void finishStepUp(
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            PasskeyAccounts.Account account)
            throws IOException {
        if (!RequestBodies.isJson(request.getContentType())) {
            refuse(
                    request,
                    response,
                    Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the step-up as application/json."));
            return;
        }
        JsonNode body = PasskeysJson.read(RequestBodies.text(request));
        JsonNode credential = body.path("credential");
        JsonNode next = body.path("returnTo");
        if (!credential.isObject() || !(next.isMissingNode() || next.isNull() || next.isString())) {
            throw new MalformedBody(
                    "The body must be {\"credential\": <PublicKeyCredential.toJSON()>, \"returnTo\": optional path}.");
        }
        String continueTo = next.isString() ? next.asString() : null;
        if (continueTo != null && !ReturnPaths.isAppPath(continueTo, request.getContextPath())) {
            // Checked before the passkey: a refused request uses up nothing.
            refuse(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "\"returnTo\" must be a path of this app (starting with its context path and a single"
                                    + " /), not another site."));
            return;
        }
        if (!StepUpRequests.userVerifiedFlag(credential)) {
            // Refused before the passkey's use is recorded (the flag is covered by the signature checked next).
            throw new PasskeyException(
                    PasskeyException.Reason.USER_NOT_VERIFIED,
                    "A step-up needs user verification (the UV flag); this answer has none.");
        }
        AuthenticationResult result =
                relyingParty.finishAuthentication(new FinishAuthentication(credential.toString(), user -> {
                    if (!user.accountId().equals(account.id())) {
                        throw new PasskeyException(
                                PasskeyException.Reason.USER_HANDLE_MISMATCH,
                                "A step-up must be confirmed with a passkey of the signed-in account; this one"
                                        + " belongs to another.");
                    }
                }));
        Authentication steppedUp =
                steppedUp(authentication, relyingParty.clock().instant());
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(steppedUp);
        contextHolder.setContext(context);
        if (request.getSession(false) != null) {
            // More rights now: a new session id, so an id someone learned before is worth less (session fixation).
            newSessionId.onAuthentication(steppedUp, request, response);
        }
        contextRepository.saveContext(context, request, response);
        if (!(steppedUp instanceof PasskeyAuthenticationToken)) {
            PasskeyRevocationFilter.steppedUp(request, result.passkey().userHandle());
        }
        log.debug("Step-up of " + authentication.getName() + " with passkey "
                + result.passkey().credentialId());
        json(response, Map.of("redirectUrl", redirectUrl(request, response, continueTo)));
    }

    /** The same user with a fresh {@code FACTOR_WEBAUTHN}; the type of token and every other authority stay. */
    static Authentication steppedUp(Authentication current, Instant now) {
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(PasskeyStepUp.FACTOR)
                .issuedAt(now)
                .build();
        if (current instanceof PasskeyAuthenticationToken token) {
            return token.steppedUp(factor);
        }
        return current.toBuilder()
                .authorities(authorities -> {
                    authorities.removeIf(a -> PasskeyStepUp.FACTOR.equals(a.getAuthority()));
                    authorities.add(factor);
                })
                .build();
    }

    private String redirectUrl(HttpServletRequest request, HttpServletResponse response, String continueTo) {
        if (continueTo != null) {
            return continueTo;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null) {
            requestCache.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return request.getContextPath() + defaultSuccessUrl;
    }

    private static void json(HttpServletResponse response, Object body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        PasskeysJson.mapper().writeValue(response.getOutputStream(), body);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail p) throws IOException {
        Problems.write(request, response, p, messages);
    }
}
