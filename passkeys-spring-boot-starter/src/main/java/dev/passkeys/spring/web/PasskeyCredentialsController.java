package dev.passkeys.spring.web;

import dev.passkeys.PasskeyException;
import dev.passkeys.PasskeyManagement;
import dev.passkeys.RelyingParty;
import dev.passkeys.spring.event.PasskeyDeletedEvent;
import dev.passkeys.spring.event.PasskeyDisabledEvent;
import dev.passkeys.spring.event.PasskeyEnabledEvent;
import dev.passkeys.spring.event.PasskeyRenamedEvent;
import dev.passkeys.spring.security.AccountSignInMethods;
import dev.passkeys.store.Passkey;
import dev.passkeys.store.PasskeyUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The signed-in user's passkeys: list, rename, disable/enable, delete, and what the WebAuthn Signal API needs. Another
 * user's passkey answers 404 exactly like one that does not exist.
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyCredentialsController {

    private final RelyingParty relyingParty;
    private final PasskeyManagement management;
    private final AccountSignInMethods signInMethods;
    private final ApplicationEventPublisher events;
    private final PasskeyDisplayNames displayNames;

    public PasskeyCredentialsController(RelyingParty relyingParty, AccountSignInMethods signInMethods,
                                        ApplicationEventPublisher events, PasskeyDisplayNames displayNames) {
        this.relyingParty = relyingParty;
        this.management = relyingParty.management();
        this.signInMethods = signInMethods;
        this.events = events;
        this.displayNames = displayNames;
    }

    /** The signed-in user's passkeys, oldest first. */
    @GetMapping("/credentials")
    public List<PasskeyView> list(Authentication authentication) {
        String username = PasskeysController.signedIn(authentication);
        return management.list(username).stream().map(p -> view(p, authentication)).toList();
    }

    @GetMapping("/credentials/{id}")
    public PasskeyView get(Authentication authentication, @PathVariable String id) {
        String username = PasskeysController.signedIn(authentication);
        return view(management.get(username, id), authentication);
    }

    /** Body: {@code {"name": "…"}}, {@code {"enabled": false}}, or both. */
    @PatchMapping("/credentials/{id}")
    public PasskeyView update(Authentication authentication, @PathVariable String id, @RequestBody JsonNode body) {
        String username = PasskeysController.signedIn(authentication);
        JsonNode name = body.path("name");
        JsonNode enabled = body.path("enabled");
        if (!body.isObject() || (name.isMissingNode() && enabled.isMissingNode())
                || (!name.isMissingNode() && !name.isString()) || (!enabled.isMissingNode() && !enabled.isBoolean())) {
            throw new PasskeyException(PasskeyException.Reason.MALFORMED_RESPONSE,
                    "The body must be {\"name\": string} and/or {\"enabled\": true|false}.");
        }
        Passkey before = management.get(username, id);
        Passkey after = before;
        if (!name.isMissingNode() && !name.asString().strip().equals(before.name())) {
            after = management.rename(username, id, name.asString());
            events.publishEvent(new PasskeyRenamedEvent(username, view(after, authentication), before.name(), now()));
        }
        if (!enabled.isMissingNode() && enabled.asBoolean() != before.enabled()) {
            after = management.setEnabled(username, id, enabled.asBoolean(),
                    signInMethods.canSignInWithoutPasskeys(username));
            events.publishEvent(after.enabled()
                    ? new PasskeyEnabledEvent(username, view(after, authentication), now())
                    : new PasskeyDisabledEvent(username, view(after, authentication), now()));
        }
        return view(after, authentication);
    }

    @DeleteMapping("/credentials/{id}")
    public ResponseEntity<Void> delete(Authentication authentication, @PathVariable String id) {
        String username = PasskeysController.signedIn(authentication);
        Passkey deleted = management.delete(username, id, signInMethods.canSignInWithoutPasskeys(username));
        events.publishEvent(new PasskeyDeletedEvent(username, view(deleted, authentication), now()));
        return ResponseEntity.noContent().build();
    }

    /**
     * What the browser passes to {@code PublicKeyCredential.signalAllAcceptedCredentials} and
     * {@code signalCurrentUserDetails}, so passkey providers hide deleted passkeys and show current names.
     */
    @GetMapping("/signals")
    public Signals signals(Authentication authentication) {
        String username = PasskeysController.signedIn(authentication);
        String displayName = displayNames.displayName(authentication);
        PasskeyUser user = relyingParty.users().findByUsername(username).orElse(null);
        if (user == null) {
            return new Signals(relyingParty.rpId(), null, username, displayName, List.of());
        }
        if (displayName != null && !displayName.isBlank() && !displayName.equals(user.displayName())) {
            // The app's name for the user changed: store it, and the page passes it on to the provider.
            user = new PasskeyUser(user.userHandle(), user.username(), displayName);
            relyingParty.users().save(user);
        }
        return new Signals(relyingParty.rpId(), user.userHandle(), user.username(), user.displayName(),
                management.list(username).stream().map(Passkey::credentialId).toList());
    }

    /** @param userId the user handle (base64url), {@code null} when the user never added a passkey */
    public record Signals(String rpId, String userId, String name, String displayName,
                          List<String> allAcceptedCredentialIds) {
    }

    private PasskeyView view(Passkey passkey, Authentication authentication) {
        return PasskeyView.of(passkey, relyingParty.providers(), PasskeysController.currentCredentialId(authentication));
    }

    private java.time.Instant now() {
        return relyingParty.clock().instant();
    }
}
