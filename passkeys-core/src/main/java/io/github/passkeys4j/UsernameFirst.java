package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.internal.DecoyKey;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedAuthentication;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedAuthentication;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A username-first sign-in (security keys and other non-discoverable credentials): options listing the account's
 * passkeys, or stand-ins for a username with none; a sealed challenge bound to the account; a finish that accepts a
 * response without {@code userHandle} and checks the passkey is that account's. Neither half tells an attacker whether
 * a username has an account: the options have the same shape and come from the same lookups, and a finish naming a
 * stand-in credential is verified against a {@link DecoyKey}, failing as a forged signature on a real one does.
 */
final class UsernameFirst {

    private final RelyingPartySettings settings;
    private final SealedChallenges sealed;
    private final WebAuthn4jVerifier verifier;
    private final FakeCredentials fakes;

    UsernameFirst(RelyingPartySettings settings, SealedChallenges sealed, WebAuthn4jVerifier verifier) {
        this.settings = settings;
        this.sealed = sealed;
        this.verifier = verifier;
        this.fakes = new FakeCredentials(settings.challengeKeys(), settings.rpId());
    }

    PublicKeyCredentialRequestOptions start(StartAuthentication request) {
        String username = request.username();
        String noAccount = fakes.userHandleFor(username);
        // The same two lookups and the same derivation whether or not the account exists.
        Optional<PasskeyUser> found =
                settings.users().findByAccountId(request.accountId() != null ? request.accountId() : noAccount);
        PasskeyUser user = request.accountId() != null ? found.orElse(null) : null;
        String handle = user != null ? user.userHandle() : noAccount;
        List<CredentialDescriptor> real = settings.passkeys().findByUserHandle(handle).stream()
                .filter(Passkey::enabled)
                .map(p -> CredentialDescriptor.publicKey(
                        p.credentialId(), p.transports().stream().sorted().toList()))
                .toList();
        List<CredentialDescriptor> standIns = fakes.forUsername(username);
        String challenge = sealed.seal(settings.userVerification(), request.browserBinding(), handle);
        return AuthenticationCeremony.options(settings, challenge, real.isEmpty() ? standIns : real);
    }

    AuthenticationResult finish(
            FinishAuthentication request, ParsedAuthentication parsed, AuthenticationCeremony ceremonies) {
        PendingCeremony ceremony = sealed.openUnchecked(parsed.challenge());
        return ceremonies.record(
                request,
                ceremony,
                true,
                sealed.checking(parsed.challenge(), () -> verify(request, parsed, ceremony, ceremonies)));
    }

    private AuthenticationCeremony.Verified verify(
            FinishAuthentication request,
            ParsedAuthentication parsed,
            PendingCeremony ceremony,
            AuthenticationCeremony ceremonies) {
        Optional<Passkey> stored = settings.passkeys().findByCredentialId(parsed.credentialId());
        Passkey passkey = stored.orElseGet(() -> decoy(parsed.credentialId()));
        if (settings.requireUserHandleMatch()) {
            // A non-discoverable credential sends no userHandle; one that does must send its owner's.
            AuthenticationCeremony.checkUserHandle(parsed.userHandle(), passkey, false);
        }
        VerifiedAuthentication verified;
        try {
            verified = verifier.verifyAuthentication(
                    parsed, passkey, List.of(), ceremony.userVerification() == UserVerification.REQUIRED);
        } catch (PasskeyException e) {
            // The backup flags are checked against the stored passkey's before the signature: told apart from a bad
            // signature, they would show whether an offered id is real (the decoy's flags never match a synced one).
            if (e.reason() == Reason.BACKUP_FLAGS_INVALID) {
                throw new PasskeyException(Reason.BAD_SIGNATURE);
            }
            throw e;
        }
        if (stored.isEmpty()) {
            // Only a decoy's private key could get here, and nobody has it.
            throw new PasskeyException(Reason.BAD_SIGNATURE);
        }
        // Only now, with the signature verified, is it worth telling whether the passkey is the account's.
        sealed.checkAccount(parsed.challenge(), request.browserBinding(), passkey.userHandle());
        PasskeyUser user = settings.users()
                .findByUserHandle(passkey.userHandle())
                .orElseThrow(() -> new PasskeyException(Reason.UNKNOWN_CREDENTIAL));
        return ceremonies.accepted(request, passkey, user, verified);
    }

    private static Passkey decoy(String credentialId) {
        return Passkey.builder()
                .credentialId(credentialId)
                .userHandle("decoy")
                .publicKey(DecoyKey.publicKey())
                .createdAt(Instant.EPOCH)
                .build();
    }
}
