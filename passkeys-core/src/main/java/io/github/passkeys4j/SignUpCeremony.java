package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.internal.CredentialJson;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedRegistration;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedRegistration;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A passkey-only sign-up: a registration for an account that does not exist yet. Starting it stores nothing (its
 * challenge is sealed: {@link SealedSignUps}; no account, no reserved username); finishing it verifies the passkey first, then, in one storage
 * transaction, has the app create the account and stores the user handle and the passkey. A refused sign-up writes
 * nothing; one whose writes fail after the app created its account undoes that account.
 */
final class SignUpCeremony {

    /**
     * Sign-ups of one username finish one at a time in this JVM, so even an app whose account creation checks and then
     * writes refuses the second; across nodes the app's unique username decides. Locks of their own, taken before any
     * account's lock (the app's account creation may take one): never the other way round, so never a deadlock.
     */
    private static final ReentrantLock[] LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private final RelyingPartySettings settings;
    private final WebAuthn4jVerifier verifier;
    private final RegistrationCeremony registration;
    private final SealedSignUps sealed;

    SignUpCeremony(RelyingPartySettings settings, WebAuthn4jVerifier verifier, RegistrationCeremony registration) {
        this.settings = settings;
        this.verifier = verifier;
        this.registration = registration;
        this.sealed = new SealedSignUps(settings);
    }

    PublicKeyCredentialCreationOptions start(StartSignUp request) {
        PendingCeremony ceremony = sealed.seal(request, settings.userVerification());
        // An account with nothing but this passkey: it must be discoverable, a passkey the user can sign in with.
        return registration.options(ceremony.user(), ceremony.challenge(), List.of(), RegistrationPreferences.PASSKEY);
    }

    SignUpResult finish(FinishSignUp request) {
        String name = RegistrationCeremony.cleanName(request.name());
        String attachment = CredentialJson.checkShape(request.responseJson());
        ParsedRegistration parsed = verifier.parseRegistration(request.responseJson());
        if (!SealedSignUps.looksSealed(parsed.challenge())) {
            throw new PasskeyException(
                    Reason.CHALLENGE_MISMATCH, "The challenge was not issued for a sign-up; start the sign-up again.");
        }
        PendingCeremony ceremony = sealed.open(parsed.challenge(), request.startedAs());
        VerifiedRegistration verified =
                verifier.verifyRegistration(parsed, ceremony.userVerification() == UserVerification.REQUIRED);
        // Used up once the passkey is verified (a refused one writes nothing, and fails the same way again), before
        // the account is made, outside its transaction, on every node: a verified sign-up is made at most once.
        if (!settings.usedChallenges()
                .markUsed(
                        SealedChallenges.usedKey(ceremony.challenge()),
                        ceremony.expiresAt().plus(SealedChallenges.CLOCK_SKEW))) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN, "This sign-up was already used. Please try again.");
        }
        String fallback = RegistrationCeremony.fallbackName(request.fallbackName());
        AtomicReference<String> created = new AtomicReference<>();
        ReentrantLock lock = LOCKS[Math.floorMod(ceremony.user().username().hashCode(), LOCKS.length)];
        lock.lock();
        try {
            return settings.transaction()
                    .run(() -> store(ceremony.user(), verified, attachment, name, fallback, request, created));
        } catch (RuntimeException e) {
            String accountId = created.get();
            if (accountId != null) {
                try {
                    request.accounts().remove(accountId);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private SignUpResult store(
            PasskeyUser newUser,
            VerifiedRegistration verified,
            String attachment,
            String givenName,
            String fallback,
            FinishSignUp request,
            AtomicReference<String> created) {
        if (settings.passkeys().findByCredentialId(verified.credentialId()).isPresent()) {
            throw new PasskeyException(Reason.CREDENTIAL_ALREADY_REGISTERED);
        }
        String accountId = request.accounts().create(newUser.username(), newUser.displayName());
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalStateException("SignUpAccounts.create returned no account id");
        }
        Optional<PasskeyUser> left = settings.users().findByAccountId(accountId);
        if (left.isPresent()
                && !settings.passkeys()
                        .findByUserHandle(left.get().userHandle())
                        .isEmpty()) {
            // Not an account we made: never undo it.
            throw new PasskeyException(
                    Reason.USERNAME_TAKEN,
                    "SignUpAccounts.create returned the id of an account that already has passkeys; it must create a"
                            + " new account or throw USERNAME_TAKEN.");
        }
        created.set(accountId);
        // What a deleted account left at this id (a fresh start) makes way, its cut-off for old sessions kept.
        left.ifPresent(previous -> settings.users().delete(previous.userHandle()));
        PasskeyUser user = newUser.toBuilder()
                .accountId(accountId)
                .notBefore(left.map(PasskeyUser::notBefore).orElse(null))
                .build();
        if (!settings.users().create(user)) {
            throw new PasskeyException(
                    Reason.CHALLENGE_MISMATCH, "Another sign-up stored this account first; start again.");
        }
        Passkey passkey = registration.newPasskey(user, verified, attachment, givenName, fallback);
        settings.passkeys().add(passkey);
        return new SignUpResult(user, passkey);
    }
}
