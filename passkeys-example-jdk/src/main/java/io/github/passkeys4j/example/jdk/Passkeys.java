package io.github.passkeys4j.example.jdk;

import io.github.passkeys4j.AuthenticationResult;
import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.FinishSignUp;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.SignUpAccounts;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartSignUp;

import java.util.Set;

/**
 * Everything this example asks of {@code passkeys-core}, in one place: two ceremonies, four calls. The options go to
 * the browser as W3C JSON; the browser's {@code PublicKeyCredential.toJSON()} comes back as JSON text. The core's
 * in-memory stores keep passkeys, user handles and started ceremonies (lost on restart).
 */
final class Passkeys {

    private final RelyingParty relyingParty;

    /** @param origin where the page runs, e.g. {@code http://localhost:8081}; the RP ID is its host */
    Passkeys(String origin) {
        this.relyingParty = RelyingParty.builder("localhost", "Passkeys example")
                .origins(Set.of(origin))
                .build();
    }

    /**
     * {@code PublicKeyCredentialCreationOptionsJSON} for a new account's first passkey (a 64-byte random user handle).
     * Nothing is created, reserved or stored yet: the challenge is sealed over the username and {@code browserSecret}.
     */
    String signUpOptions(String username, String browserSecret) {
        return relyingParty
                .startSignUp(StartSignUp.of(username).withBrowserBinding(browserSecret))
                .toJson();
    }

    /**
     * Verifies the new passkey, has {@code accounts} create the account, and stores the passkey; returns the new
     * account's id, or throws {@link PasskeyException} (and stores nothing) if refused or the username was taken.
     * {@code username} and {@code browserSecret} are those the options were made for.
     */
    String finishSignUp(String credentialJson, String username, String browserSecret, SignUpAccounts accounts) {
        StartSignUp startedAs = StartSignUp.of(username).withBrowserBinding(browserSecret);
        return relyingParty
                .finishSignUp(FinishSignUp.of(startedAs, credentialJson, accounts))
                .accountId();
    }

    /**
     * {@code PublicKeyCredentialRequestOptionsJSON} for a username-less sign-in. Nothing is stored: the challenge is
     * sealed, and bound to {@code browserSecret} (here the session cookie's value) so only this browser can use it.
     */
    String signInOptions(String browserSecret) {
        return relyingParty
                .startAuthentication(StartAuthentication.discoverable().withBrowserBinding(browserSecret))
                .toJson();
    }

    /** Verifies the assertion; returns the signed-in account's id or throws {@link PasskeyException}. */
    String finishSignIn(String credentialJson, String browserSecret) {
        AuthenticationResult result = relyingParty.finishAuthentication(
                new FinishAuthentication(credentialJson).withBrowserBinding(browserSecret));
        return result.user().accountId();
    }

    /** A refusal as an HTTP problem: the failed check as {@code reason}, the core's plain-words message as detail. */
    static Problem problem(PasskeyException e) {
        int status = switch (e.reason()) {
            case MALFORMED_RESPONSE, INVALID_NAME, PUBLIC_KEY_NOT_ACCEPTED, INVALID_USERNAME, INVALID_DISPLAY_NAME ->
                400;
            case ORIGIN_NOT_ALLOWED, CROSS_ORIGIN_NOT_ALLOWED, RP_ID_MISMATCH -> 403;
            case CREDENTIAL_ALREADY_REGISTERED, TOO_MANY_PASSKEYS, CHALLENGE_MISMATCH, USERNAME_TAKEN -> 409;
            default -> 401;
        };
        return new Problem(status, e.reason().name(), e.getMessage());
    }
}
