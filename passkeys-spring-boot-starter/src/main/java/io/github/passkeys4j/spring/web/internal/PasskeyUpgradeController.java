package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.security.PasskeyAuthenticationToken;
import io.github.passkeys4j.spring.web.PasskeyDisplayNames;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Automatic passkey upgrade (on unless {@code passkeys.upgrade.enabled=false}): what the page needs to decide whether
 * to offer a passkey, and the options of the one registration that may finish without user presence. The finish is
 * the ordinary {@code POST <base>/registration}: the pending ceremony remembers it was started here.
 */
@RestController
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyUpgradeController {

    private final RelyingParty relyingParty;
    private final PasskeyAccounts accounts;
    private final PasskeyDisplayNames displayNames;

    public PasskeyUpgradeController(
            RelyingParty relyingParty, PasskeyAccounts accounts, PasskeyDisplayNames displayNames) {
        this.relyingParty = relyingParty;
        this.accounts = accounts;
        this.displayNames = displayNames;
    }

    /**
     * {@code {"signedInWith": "password" | "passkey" | "other", "hasPasskeys": …, "account": …}}: {@code account} is
     * a hash of the account id (not the id), for the browser to remember a dismissal per account.
     */
    @GetMapping("/upgrade")
    public ResponseEntity<String> upgrade(Authentication authentication) {
        PasskeyAccounts.Account account = PasskeysController.signedIn(accounts, authentication);
        boolean hasPasskeys = !relyingParty.management().list(account.id()).isEmpty();
        return PasskeysJson.ok(new Upgrade(signedInWith(authentication), hasPasskeys, accountKey(account.id())));
    }

    /**
     * Options for {@code navigator.credentials.create({mediation: "conditional"})}: only in a session signed in with
     * a password (403 otherwise), since the ceremony they start accepts a passkey made without user presence.
     */
    @PostMapping("/upgrade/options")
    public ResponseEntity<String> options(Authentication authentication) {
        PasskeyAccounts.Account account = PasskeysController.signedIn(accounts, authentication);
        if (!"password".equals(signedInWith(authentication))) {
            throw new NotAfterPasswordException();
        }
        return PasskeysJson.ok(
                relyingParty.startRegistration(StartRegistration.forAccount(account.id(), account.username())
                        .withDisplayName(displayNames.displayName(authentication))
                        .asConditional()));
    }

    /**
     * By the sign-in's factor authorities (an app that swaps the token, as after a rename, keeps them), else by the
     * token's type. A password sign-in that stepped up has both factors and is still a password sign-in.
     */
    static String signedInWith(Authentication authentication) {
        if (authentication instanceof PasskeyAuthenticationToken) {
            return "passkey";
        }
        if (has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return "password";
        }
        if (has(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)) {
            return "passkey";
        }
        return authentication instanceof UsernamePasswordAuthenticationToken ? "password" : "other";
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** 16 base64url characters of SHA-256 over the rp id and account id: stable per account, not the id itself. */
    String accountKey(String accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((relyingParty.rpId() + "\u0000" + accountId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Upgrade(String signedInWith, boolean hasPasskeys, String account) {}

    /** Conditional options asked for in a session that did not sign in with a password. */
    static final class NotAfterPasswordException extends RuntimeException {
        NotAfterPasswordException() {
            super(
                    "An automatic passkey upgrade follows a password sign-in only; use POST <base>/registration/options.",
                    null,
                    false,
                    false);
        }
    }
}
