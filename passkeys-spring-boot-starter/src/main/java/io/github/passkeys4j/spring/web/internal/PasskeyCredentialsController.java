package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.OtherSignIn;
import io.github.passkeys4j.PasskeyManagement;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.SettingsChange;
import io.github.passkeys4j.spring.account.AccountSignInMethods;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.event.PasskeyDeletedEvent;
import io.github.passkeys4j.spring.event.PasskeyDisabledEvent;
import io.github.passkeys4j.spring.event.PasskeyEnabledEvent;
import io.github.passkeys4j.spring.event.PasskeyRenamedEvent;
import io.github.passkeys4j.spring.event.PasskeyView;
import io.github.passkeys4j.spring.internal.MalformedBody;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.security.PasskeyStepUpGuard;
import io.github.passkeys4j.spring.web.PasskeyDisplayNames;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
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

import java.time.Instant;
import java.util.List;

/**
 * The signed-in user's passkeys: list, rename, disable/enable, delete, and what the WebAuthn Signal API needs. Another
 * user's passkey answers 404 exactly like one that does not exist. Bodies go through the library's own mapper.
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyCredentialsController {

    private final RelyingParty relyingParty;
    private final PasskeyManagement management;
    private final PasskeyAccounts accounts;
    private final AccountSignInMethods signInMethods;
    private final ApplicationEventPublisher events;
    private final PasskeyDisplayNames displayNames;
    private final PasskeyStepUpGuard stepUp;

    public PasskeyCredentialsController(
            RelyingParty relyingParty,
            PasskeyAccounts accounts,
            AccountSignInMethods signInMethods,
            ApplicationEventPublisher events,
            PasskeyDisplayNames displayNames,
            PasskeyStepUpGuard stepUp) {
        this.relyingParty = relyingParty;
        this.management = relyingParty.management();
        this.accounts = accounts;
        this.signInMethods = signInMethods;
        this.events = events;
        this.displayNames = displayNames;
        this.stepUp = stepUp;
    }

    /** The signed-in user's passkeys, oldest first. */
    @GetMapping("/credentials")
    public ResponseEntity<String> list(Authentication authentication) {
        PasskeyAccounts.Account account = signedIn(authentication);
        return PasskeysJson.ok(management.list(account.id()).stream()
                .map(p -> view(p, authentication))
                .toList());
    }

    @GetMapping("/credentials/{id}")
    public ResponseEntity<String> get(Authentication authentication, @PathVariable String id) {
        PasskeyAccounts.Account account = signedIn(authentication);
        return PasskeysJson.ok(view(management.get(account.id(), id), authentication));
    }

    /** Body: {@code {"name": "…"}}, {@code {"enabled": false}}, or both; refused whole or stored whole. */
    @PatchMapping(path = "/credentials/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> update(
            Authentication authentication, @PathVariable String id, @RequestBody String json) {
        PasskeyAccounts.Account account = signedIn(authentication);
        JsonNode body = PasskeysJson.read(json);
        JsonNode name = body.path("name");
        JsonNode enabled = body.path("enabled");
        if (!body.isObject()
                || (name.isMissingNode() && enabled.isMissingNode())
                || (!name.isMissingNode() && !name.isString())
                || (!enabled.isMissingNode() && !enabled.isBoolean())) {
            throw new MalformedBody("The body must be {\"name\": string} and/or {\"enabled\": true|false}.");
        }
        Passkey before = management.get(account.id(), id);
        Boolean enable =
                enabled.isMissingNode() || enabled.asBoolean() == before.enabled() ? null : enabled.asBoolean();
        Passkey after = management.update(
                account.id(),
                id,
                new SettingsChange(name.isMissingNode() ? null : name.asString(), enable),
                OtherSignIn.of(
                        enable != null && !enable && signInMethods.canSignInWithoutPasskeys(account.username())));
        if (!after.name().equals(before.name())) {
            events.publishEvent(
                    new PasskeyRenamedEvent(account.username(), view(after, authentication), before.name(), now()));
        }
        if (after.enabled() != before.enabled()) {
            events.publishEvent(
                    after.enabled()
                            ? new PasskeyEnabledEvent(account.username(), view(after, authentication), now())
                            : new PasskeyDisabledEvent(account.username(), view(after, authentication), now()));
        }
        return PasskeysJson.ok(view(after, authentication));
    }

    @DeleteMapping("/credentials/{id}")
    public ResponseEntity<Void> delete(Authentication authentication, @PathVariable String id) {
        PasskeyAccounts.Account account = signedIn(authentication);
        stepUp.require(PasskeyStepUpGuard.Action.DELETE_PASSKEY, authentication);
        Passkey deleted = management.delete(
                account.id(), id, OtherSignIn.of(signInMethods.canSignInWithoutPasskeys(account.username())));
        events.publishEvent(new PasskeyDeletedEvent(account.username(), view(deleted, authentication), now()));
        return ResponseEntity.noContent().build();
    }

    /**
     * What the browser passes to {@code PublicKeyCredential.signalAllAcceptedCredentials} and
     * {@code signalCurrentUserDetails}, so passkey providers hide deleted passkeys and show current names.
     */
    @GetMapping("/signals")
    public ResponseEntity<String> signals(Authentication authentication) {
        PasskeyAccounts.Account account = signedIn(authentication);
        String displayName = displayNames.displayName(authentication);
        PasskeyUser user = management.account(account.id()).orElse(null);
        if (user == null) {
            return PasskeysJson.ok(new Signals(relyingParty.rpId(), null, account.username(), displayName, List.of()));
        }
        String newDisplayName = displayName != null && !displayName.isBlank() ? displayName : user.displayName();
        // The app may have renamed the account (or changed the user's name) without telling us: store it, and the
        // page passes it on to the provider.
        user = management
                .updateNames(account.id(), account.username(), newDisplayName)
                .orElse(user);
        return PasskeysJson.ok(new Signals(
                relyingParty.rpId(),
                user.userHandle(),
                user.username(),
                user.displayName(),
                management.list(account.id()).stream()
                        .map(Passkey::credentialId)
                        .toList()));
    }

    /** @param userId the user handle (base64url), {@code null} when the user never added a passkey */
    public record Signals(
            String rpId, String userId, String name, String displayName, List<String> allAcceptedCredentialIds) {}

    private PasskeyAccounts.Account signedIn(Authentication authentication) {
        return PasskeysController.signedIn(accounts, authentication);
    }

    private PasskeyView view(Passkey passkey, Authentication authentication) {
        return PasskeyView.of(
                passkey, relyingParty.providers(), PasskeysController.currentCredentialId(authentication));
    }

    private Instant now() {
        return relyingParty.clock().instant();
    }
}
