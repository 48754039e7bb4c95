package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.event.PasskeyRegisteredEvent;
import io.github.passkeys4j.spring.event.PasskeyView;
import io.github.passkeys4j.spring.internal.MalformedBody;
import io.github.passkeys4j.spring.internal.OriginWarnings;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.internal.RequestBodies;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.spring.security.PasskeyAuthenticationToken;
import io.github.passkeys4j.spring.web.PasskeyDisplayNames;
import io.github.passkeys4j.store.Passkey;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API of the two ceremonies, under {@code passkeys.base-path}; the sign-in itself is a security filter.
 * Bodies are read and written with the library's own mapper ({@link PasskeysJson}).
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeysController {

    private final RelyingParty relyingParty;
    private final PasskeyAccounts accounts;
    private final ApplicationEventPublisher events;
    private final CeremonyObserver observer;
    private final PasskeyDisplayNames displayNames;
    private final BrowserNames browserNames;
    private final RegistrationKinds kinds;

    public PasskeysController(
            RelyingParty relyingParty,
            PasskeyAccounts accounts,
            ApplicationEventPublisher events,
            CeremonyObserver observer,
            PasskeyDisplayNames displayNames,
            BrowserNames browserNames,
            RegistrationKinds kinds) {
        this.relyingParty = relyingParty;
        this.kinds = kinds;
        this.accounts = accounts;
        this.events = events;
        this.observer = observer;
        this.displayNames = displayNames;
        this.browserNames = browserNames;
    }

    /** Body: none (a passkey), or {@code {"kind": "passkey" | "security-key"}} ({@link RegistrationKinds}). */
    @PostMapping("/registration/options")
    public ResponseEntity<String> registrationOptions(
            Authentication authentication,
            @RequestBody(required = false) String body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (body != null && !body.isBlank() && !RequestBodies.isJson(contentType)) {
            // Not consumes = JSON: an empty body (a passkey) needs no content type.
            throw new HttpMediaTypeNotSupportedException("Send the request body as application/json.");
        }
        PasskeyAccounts.Account account = signedIn(accounts, authentication);
        OriginWarnings.check(request, relyingParty);
        return PasskeysJson.ok(
                relyingParty.startRegistration(StartRegistration.forAccount(account.id(), account.username())
                        .withDisplayName(displayNames.displayName(authentication))
                        .withPreferences(kinds.of(body))));
    }

    /**
     * Body: {@code {"credential": <PublicKeyCredential.toJSON()>, "name": optional}}. Without a name, a passkey of an
     * unknown provider is named after the browser and system in the request's User-Agent ("Chrome on Windows").
     */
    @PostMapping(path = "/registration", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> register(
            Authentication authentication,
            @RequestBody String json,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        PasskeyAccounts.Account account = signedIn(accounts, authentication);
        JsonNode body = PasskeysJson.read(json);
        JsonNode credential = body.path("credential");
        if (!credential.isObject()) {
            throw new MalformedBody(
                    "The body must be {\"credential\": <PublicKeyCredential.toJSON()>, \"name\": optional}.");
        }
        JsonNode name = body.path("name");
        if (!name.isMissingNode() && !name.isNull() && !name.isString()) {
            throw new PasskeyException(PasskeyException.Reason.INVALID_NAME, "The name must be a string.");
        }
        Passkey passkey = observer.observe(
                CeremonyObserver.REGISTRATION,
                () -> relyingParty.finishRegistration(FinishRegistration.of(account.id(), credential.toString())
                        .withName(name.asString(null))
                        .withFallbackName(browserNames.describe(userAgent))));
        PasskeyView view = PasskeyView.of(passkey, relyingParty.providers(), currentCredentialId(authentication));
        events.publishEvent(new PasskeyRegisteredEvent(
                account.username(), view, relyingParty.clock().instant()));
        return PasskeysJson.response(HttpStatus.CREATED, view);
    }

    static PasskeyAccounts.Account signedIn(PasskeyAccounts accounts, Authentication authentication) {
        return accounts.current(authentication)
                .orElseThrow(() -> PasskeyAccounts.isRememberedOnly(authentication)
                        ? new SignInAgainException()
                        : new SignInRequiredException());
    }

    /** The signed-in user's name, for pages that need no account. */
    static String signedIn(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new SignInRequiredException();
        }
        return authentication.getName();
    }

    /** The passkey the session signed in with (what the page marks as "this one", whose deletion signs out here). */
    static String currentCredentialId(Authentication authentication) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? PasskeyAuthenticationToken.currentCredentialId(authentication, attributes.getRequest())
                : null;
    }

    /** A signed-out call to an endpoint that needs a user (when the app's own rules let it through). */
    static final class SignInRequiredException extends RuntimeException {
        SignInRequiredException() {
            super("Sign in first.", null, false, false);
        }
    }

    /** A session signed in by remember-me alone, asking to see or change passkeys. */
    static final class SignInAgainException extends RuntimeException {
        SignInAgainException() {
            super("Sign in again.", null, false, false);
        }
    }
}
