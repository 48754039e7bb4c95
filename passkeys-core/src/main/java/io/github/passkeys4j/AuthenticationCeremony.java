package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.internal.CredentialJson;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedAuthentication;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedAuthentication;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

import java.util.List;
import java.util.Map;

/** WebAuthn Level 3 §7.2, verifying an authentication assertion, plus this library's bookkeeping around it. */
final class AuthenticationCeremony {

    /** Compare-and-set tries of a sign-in's record against other sign-ins of the same passkey recorded meanwhile. */
    private static final int MAX_RECORD_ATTEMPTS = 8;

    private final RelyingPartySettings settings;
    private final WebAuthn4jVerifier verifier;
    private final PendingCeremonies pending;
    private final SealedChallenges sealed;
    private final UsernameFirst usernameFirst;

    AuthenticationCeremony(RelyingPartySettings settings, WebAuthn4jVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
        this.pending = new PendingCeremonies(settings.pendingCeremonies(), settings.clock());
        this.sealed = new SealedChallenges(settings);
        this.usernameFirst = new UsernameFirst(settings, sealed, verifier);
    }

    PublicKeyCredentialRequestOptions start(StartAuthentication request) {
        if (request.accountId() == null && !request.isUsernameFirst()) {
            // Username-less: the challenge carries its own state, so anyone asking costs a MAC and writes nothing.
            return options(sealed.seal(settings.userVerification(), request.browserBinding()), List.of());
        }
        if (request.isUsernameFirst()) {
            return usernameFirst.start(request);
        }
        // An account with nothing stored has no passkey: a stand-in with a user handle of its own lets none finish.
        PasskeyUser user = request.accountId() == null
                ? null
                : settings.users()
                        .findByAccountId(request.accountId())
                        .orElseGet(() -> PasskeyUser.startingAfresh(
                                request.accountId(),
                                request.accountId(),
                                settings.clock().instant()));
        List<Passkey> allowed = user == null
                ? List.of()
                : settings.passkeys().findByUserHandle(user.userHandle()).stream()
                        .filter(Passkey::enabled)
                        .toList();
        String challenge = PendingCeremonies.newChallenge();
        pending.remember(new PendingCeremony(
                challenge,
                PendingCeremony.Type.AUTHENTICATION,
                user,
                allowed.stream().map(Passkey::credentialId).toList(),
                settings.userVerification(),
                settings.clock().instant().plus(settings.ceremonyTimeout())));
        return options(challenge, allowed);
    }

    private PublicKeyCredentialRequestOptions options(String challenge, List<Passkey> allowed) {
        return options(
                settings,
                challenge,
                allowed.stream()
                        .map(p -> CredentialDescriptor.publicKey(p.credentialId(), p.transports()))
                        .toList());
    }

    static PublicKeyCredentialRequestOptions options(
            RelyingPartySettings settings, String challenge, List<CredentialDescriptor> allowed) {
        return new PublicKeyCredentialRequestOptions(
                challenge,
                settings.ceremonyTimeout().toMillis(),
                settings.rpId(),
                allowed,
                settings.userVerification().jsonValue(),
                List.of(),
                Map.of());
    }

    AuthenticationResult finish(FinishAuthentication request) {
        CredentialJson.checkShape(request.responseJson());
        ParsedAuthentication parsed = verifier.parseAuthentication(request.responseJson());
        if (SealedChallenges.looksAccountBound(parsed.challenge())) {
            return usernameFirst.finish(request, parsed, this);
        }
        boolean isSealed = SealedChallenges.looksSealed(parsed.challenge());
        PendingCeremony ceremony = isSealed
                ? sealed.open(parsed.challenge(), request.browserBinding())
                : pending.consume(parsed.challenge(), PendingCeremony.Type.AUTHENTICATION);
        if (!isSealed) {
            return record(request, ceremony, false, verify(request, parsed, ceremony));
        }
        return record(
                request, ceremony, true, sealed.checking(parsed.challenge(), () -> verify(request, parsed, ceremony)));
    }

    /** §7.2 from step 6: the credential record, its owner, and the response verified against them. */
    private Verified verify(FinishAuthentication request, ParsedAuthentication parsed, PendingCeremony ceremony) {
        Passkey passkey = settings.passkeys()
                .findByCredentialId(parsed.credentialId())
                .orElseThrow(() -> new PasskeyException(Reason.UNKNOWN_CREDENTIAL));
        if (ceremony.user() != null && !ceremony.user().userHandle().equals(passkey.userHandle())) {
            throw new PasskeyException(
                    Reason.USER_HANDLE_MISMATCH, "This passkey belongs to another account than the one signing in.");
        }
        if (settings.requireUserHandleMatch()) {
            checkUserHandle(parsed.userHandle(), passkey, ceremony.user() == null);
        }
        PasskeyUser user = settings.users()
                .findByUserHandle(passkey.userHandle())
                .orElseThrow(() -> new PasskeyException(Reason.UNKNOWN_CREDENTIAL));

        VerifiedAuthentication verified = verifier.verifyAuthentication(
                parsed,
                passkey,
                ceremony.allowCredentialIds(),
                ceremony.userVerification() == UserVerification.REQUIRED);
        return accepted(request, passkey, user, verified);
    }

    /**
     * The checks after the signature, the last before anything is written: only a passkey's holder learns its state.
     */
    Verified accepted(
            FinishAuthentication request, Passkey passkey, PasskeyUser user, VerifiedAuthentication verified) {
        if (!passkey.enabled()) {
            throw new PasskeyException(Reason.PASSKEY_DISABLED);
        }
        request.accountCheck().check(user);
        return new Verified(passkey, user, verified);
    }

    /** A response that passed every check, not yet recorded. */
    record Verified(Passkey passkey, PasskeyUser user, VerifiedAuthentication result) {}

    /** The challenge and the use recorded: the first writes of a sign-in, after every check passed. */
    AuthenticationResult record(
            FinishAuthentication request, PendingCeremony ceremony, boolean isSealed, Verified checked) {
        Passkey passkey = checked.passkey();
        PasskeyUser user = checked.user();
        VerifiedAuthentication verified = checked.result();
        if (isSealed) {
            // Of concurrent ones, on any node, exactly one gets past this line.
            sealed.markUsed(ceremony);
        }
        Passkey used = passkey.usedAt(
                settings.clock().instant(), verified.signCount(), verified.backupState(), verified.userVerified());
        long expected = passkey.signCount();
        for (int attempt = 0; !settings.passkeys().recordUse(used, expected); attempt++) {
            // Since we read it: another sign-in with this passkey was recorded, or it was disabled or deleted.
            Passkey now = settings.passkeys()
                    .findByCredentialId(passkey.credentialId())
                    .orElseThrow(() -> new PasskeyException(Reason.UNKNOWN_CREDENTIAL));
            if (!now.enabled()) {
                throw new PasskeyException(Reason.PASSKEY_DISABLED);
            }
            boolean countersInUse = verified.signCount() != 0 || now.signCount() != 0;
            // A counter still above the one recorded meanwhile is in order (two sign-ins, 6 and 7, finished as 7, 6).
            boolean regressed = countersInUse && verified.signCount() <= now.signCount();
            if ((regressed || attempt == MAX_RECORD_ATTEMPTS) && settings.refuseSignCounterRegression()) {
                throw new PasskeyException(
                        Reason.SIGN_COUNTER_REGRESSED,
                        "Another sign-in with this passkey and the same or a later signature counter was just recorded:"
                                + " the passkey may have been cloned.");
            }
            if (attempt == MAX_RECORD_ATTEMPTS) {
                break; // counters not in use, or regressions allowed: the others' records stand
            }
            expected = now.signCount();
        }
        return new AuthenticationResult(user, used, verified.userVerified());
    }

    static void checkUserHandle(String presented, Passkey passkey, boolean discoverable) {
        if (presented == null) {
            if (discoverable) {
                throw new PasskeyException(
                        Reason.USER_HANDLE_MISMATCH,
                        "A username-less sign-in needs the response's userHandle, and it is missing.");
            }
            return;
        }
        if (!presented.equals(passkey.userHandle())) {
            throw new PasskeyException(Reason.USER_HANDLE_MISMATCH);
        }
    }
}
