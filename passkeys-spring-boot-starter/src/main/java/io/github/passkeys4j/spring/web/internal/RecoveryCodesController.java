package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.RecoveryCodes;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.security.PasskeyStepUpGuard;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's recovery codes, under the app's rules: {@code GET <base>/recovery-codes} says how many are
 * left (never the codes); {@code POST <base>/recovery-codes} replaces the whole set and answers the new codes, the
 * only time they are sent ({@code Cache-Control: no-store}). Apps that want a fresh passkey before new codes guard
 * the POST with their step-up rule.
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class RecoveryCodesController {

    private static final Log log = LogFactory.getLog(RecoveryCodesController.class);

    private final RecoveryCodes codes;
    private final PasskeyAccounts accounts;
    private final PasskeyStepUpGuard stepUp;

    public RecoveryCodesController(RelyingParty relyingParty, PasskeyAccounts accounts, PasskeyStepUpGuard stepUp) {
        this.codes = relyingParty.recoveryCodes();
        this.accounts = accounts;
        this.stepUp = stepUp;
    }

    @GetMapping("/recovery-codes")
    public ResponseEntity<String> remaining(Authentication authentication) {
        PasskeyAccounts.Account account = PasskeysController.signedIn(accounts, authentication);
        return PasskeysJson.ok(counts(codes.remaining(account.id())));
    }

    @PostMapping("/recovery-codes")
    public ResponseEntity<String> regenerate(Authentication authentication) {
        PasskeyAccounts.Account account = PasskeysController.signedIn(accounts, authentication);
        // New codes are a new way in: with passkeys.step-up.actions=regenerate-recovery-codes, a recent passkey first.
        stepUp.require(PasskeyStepUpGuard.Action.REGENERATE_RECOVERY_CODES, authentication);
        List<String> issued = codes.issue(account.id());
        log.info("Passkeys for Java: new recovery codes were made for an account; the old ones no longer work");
        Map<String, Object> body = counts(issued.size());
        body.put("codes", issued);
        ResponseEntity<String> json = PasskeysJson.response(HttpStatus.CREATED, body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .headers(json.getHeaders())
                .cacheControl(CacheControl.noStore())
                .body(json.getBody());
    }

    private Map<String, Object> counts(int remaining) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("remaining", remaining);
        body.put("total", codes.policy().codeCount());
        return body;
    }
}
