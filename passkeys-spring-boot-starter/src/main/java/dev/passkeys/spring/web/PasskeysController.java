package dev.passkeys.spring.web;

import dev.passkeys.FinishRegistration;
import dev.passkeys.PasskeyException;
import dev.passkeys.RelyingParty;
import dev.passkeys.StartRegistration;
import dev.passkeys.data.PublicKeyCredentialCreationOptions;
import dev.passkeys.spring.security.PasskeyAuthenticationToken;
import dev.passkeys.store.Passkey;
import dev.passkeys.spring.event.PasskeyRegisteredEvent;
import dev.passkeys.spring.metrics.CeremonyObserver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;


/** The JSON API of the two ceremonies, under {@code passkeys.base-path}; the sign-in itself is a security filter. */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeysController {

    private final RelyingParty relyingParty;
    private final ApplicationEventPublisher events;
    private final CeremonyObserver observer;
    private final StorageTransaction transaction;
    private final PasskeyDisplayNames displayNames;

    public PasskeysController(RelyingParty relyingParty, ApplicationEventPublisher events, CeremonyObserver observer,
                              StorageTransaction transaction, PasskeyDisplayNames displayNames) {
        this.relyingParty = relyingParty;
        this.events = events;
        this.observer = observer;
        this.transaction = transaction;
        this.displayNames = displayNames;
    }

    @PostMapping("/registration/options")
    public PublicKeyCredentialCreationOptions registrationOptions(Authentication authentication) {
        return relyingParty.startRegistration(
                new StartRegistration(signedIn(authentication), displayNames.displayName(authentication)));
    }

    /** Body: {@code {"credential": <PublicKeyCredential.toJSON()>, "name": optional}}. */
    @PostMapping("/registration")
    public ResponseEntity<PasskeyView> register(Authentication authentication, @RequestBody JsonNode body) {
        String username = signedIn(authentication);
        JsonNode credential = body.path("credential");
        if (!credential.isObject()) {
            throw new PasskeyException(PasskeyException.Reason.MALFORMED_RESPONSE,
                    "The body must be {\"credential\": <PublicKeyCredential.toJSON()>, \"name\": optional}.");
        }
        JsonNode name = body.path("name");
        if (!name.isMissingNode() && !name.isNull() && !name.isString()) {
            throw new PasskeyException(PasskeyException.Reason.INVALID_NAME, "The name must be a string.");
        }
        Passkey passkey = observer.observe(CeremonyObserver.REGISTRATION, () -> transaction.run(
                () -> relyingParty.finishRegistration(
                        new FinishRegistration(username, credential.toString(), name.asString(null)))));
        PasskeyView view = PasskeyView.of(passkey, relyingParty.providers(), currentCredentialId(authentication));
        events.publishEvent(new PasskeyRegisteredEvent(username, view, relyingParty.clock().instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    static String signedIn(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new SignInRequiredException();
        }
        return authentication.getName();
    }

    static String currentCredentialId(Authentication authentication) {
        return authentication instanceof PasskeyAuthenticationToken token ? token.getCredentialId() : null;
    }

    /** A signed-out call to an endpoint that needs a user (when the app's own rules let it through). */
    static final class SignInRequiredException extends RuntimeException {
        SignInRequiredException() {
            super("Sign in first.", null, false, false);
        }
    }
}
