package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.AuthenticatorSelection;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.RpEntity;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.UserEntity;
import io.github.passkeys4j.internal.CredentialJson;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.ParsedRegistration;
import io.github.passkeys4j.internal.WebAuthn4jVerifier.VerifiedRegistration;
import io.github.passkeys4j.provider.PasskeyProvider;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;

import java.util.List;
import java.util.Map;

/** WebAuthn Level 3 §7.1, registering a new credential, plus this library's bookkeeping around it. */
final class RegistrationCeremony {

    static final int MAX_NAME_LENGTH = 64;

    private final RelyingPartySettings settings;
    private final WebAuthn4jVerifier verifier;
    private final PendingCeremonies pending;

    RegistrationCeremony(RelyingPartySettings settings, WebAuthn4jVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
        this.pending = new PendingCeremonies(settings.pendingCeremonies(), settings.clock());
    }

    PublicKeyCredentialCreationOptions start(StartRegistration request) {
        // The user handle is made now but stored only when a passkey is: a refused ceremony writes nothing.
        PasskeyUser user = settings.users()
                .findByAccountId(request.accountId())
                .map(known -> known.withNames(
                        request.username(),
                        request.displayName() != null ? request.displayName() : known.displayName()))
                .orElseGet(() -> PasskeyUser.builder()
                        .randomUserHandle()
                        .accountId(request.accountId())
                        .username(request.username())
                        .displayName(request.displayName())
                        .build());
        List<Passkey> existing = settings.passkeys().findByUserHandle(user.userHandle());
        checkRoomFor(existing.size());
        String challenge = PendingCeremonies.newChallenge();
        pending.remember(new PendingCeremony(
                challenge,
                PendingCeremony.Type.REGISTRATION,
                user,
                List.of(),
                settings.userVerification(),
                settings.clock().instant().plus(settings.ceremonyTimeout()),
                request.conditional()));
        // Existing passkeys are excluded so an authenticator does not make a second one for the same account.
        List<CredentialDescriptor> exclude = existing.stream()
                .map(p -> CredentialDescriptor.publicKey(p.credentialId(), p.transports()))
                .toList();
        return options(user, challenge, exclude, request.preferences());
    }

    /** The creation options for {@code user}: the kind of authenticator {@code preferences} ask for, UV as configured. */
    PublicKeyCredentialCreationOptions options(
            PasskeyUser user,
            String challenge,
            List<CredentialDescriptor> exclude,
            RegistrationPreferences preferences) {
        return new PublicKeyCredentialCreationOptions(
                new RpEntity(settings.rpId(), settings.rpName()),
                new UserEntity(user.userHandle(), user.username(), user.displayName()),
                challenge,
                settings.algorithms().stream()
                        .map(alg -> CredentialParameters.publicKey(alg.id()))
                        .toList(),
                settings.ceremonyTimeout().toMillis(),
                exclude,
                new AuthenticatorSelection(
                        preferences.authenticatorAttachment(),
                        preferences.residentKey(),
                        preferences.requireResidentKey(),
                        settings.userVerification().jsonValue()),
                preferences.hints(),
                settings.attestation().jsonValue(),
                Map.of("credProps", true));
    }

    Passkey finish(FinishRegistration request) {
        String name = cleanName(request.name());
        String attachment = CredentialJson.checkShape(request.responseJson());
        ParsedRegistration parsed = verifier.parseRegistration(request.responseJson());
        // Consumed outside the storage transaction: a refused registration rolls back, its challenge stays used.
        if (SealedChallenges.looksSealed(parsed.challenge())) {
            throw new PasskeyException(
                    PasskeyException.Reason.CHALLENGE_MISMATCH,
                    "The challenge was issued for authentication, not for this ceremony.");
        }
        if (SealedSignUps.looksSealed(parsed.challenge())) {
            throw new PasskeyException(
                    PasskeyException.Reason.CHALLENGE_MISMATCH,
                    "The challenge was issued for a new account's sign-up, not for adding a passkey.");
        }
        PendingCeremony ceremony = pending.consume(parsed.challenge(), PendingCeremony.Type.REGISTRATION);
        if (!ceremony.user().accountId().equals(request.accountId())) {
            throw new PasskeyException(Reason.CHALLENGE_MISMATCH, "This registration was started for another user.");
        }
        // User presence may be false only for a ceremony started as an automatic upgrade (conditional create).
        VerifiedRegistration verified = verifier.verifyRegistration(
                parsed, ceremony.userVerification() == UserVerification.REQUIRED, !ceremony.conditional());
        String fallback = fallbackName(request.fallbackName());
        // Under the account's lock: of racing registrations on any node, each counts what the ones before it stored.
        return settings.transaction()
                .runForAccount(request.accountId(), () -> store(ceremony.user(), verified, attachment, name, fallback));
    }

    /** The writes of a verified registration, in one storage transaction holding the account's lock. */
    private Passkey store(
            PasskeyUser user, VerifiedRegistration verified, String attachment, String givenName, String fallback) {
        if (settings.passkeys().findByCredentialId(verified.credentialId()).isPresent()) {
            throw new PasskeyException(Reason.CREDENTIAL_ALREADY_REGISTERED);
        }
        PasskeyUser stored = settings.users().findByAccountId(user.accountId()).orElse(null);
        if (stored == null
                ? !settings.users().create(user)
                : !stored.userHandle().equals(user.userHandle())) {
            // Two registrations started before the account had a passkey made two user handles; the first won.
            throw new PasskeyException(
                    Reason.CHALLENGE_MISMATCH,
                    "This registration was started before another passkey was added to the account; start again.");
        }
        // New names are stored; the account id, handle and notBefore stay as stored.
        if (stored != null
                && !stored.withNames(user.username(), user.displayName()).equals(stored)
                && !settings.users().update(stored.withNames(user.username(), user.displayName()))) {
            throw new PasskeyException(Reason.CHALLENGE_MISMATCH, "The account changed during this registration.");
        }
        checkRoomFor(settings.passkeys().findByUserHandle(user.userHandle()).size());
        Passkey passkey = newPasskey(user, verified, attachment, givenName, fallback);
        settings.passkeys().add(passkey);
        return passkey;
    }

    /** The passkey a verified registration stores, named as {@link FinishRegistration} says. */
    Passkey newPasskey(
            PasskeyUser user, VerifiedRegistration verified, String attachment, String givenName, String fallback) {
        String name = givenName != null
                ? givenName
                : settings.providers()
                        .find(verified.aaguid())
                        .map(PasskeyProvider::name)
                        .orElse(fallback != null ? fallback : "Passkey");
        return Passkey.builder()
                .credentialId(verified.credentialId())
                .userHandle(user.userHandle())
                .publicKey(verified.publicKey())
                .signCount(verified.signCount())
                .aaguid(verified.aaguid())
                .transports(verified.transports())
                .backupEligible(verified.backupEligible())
                .backupState(verified.backupState())
                .uvInitialized(verified.userVerified())
                .createdAt(settings.clock().instant())
                .name(name)
                .authenticatorAttachment(attachment)
                .discoverable(verified.discoverable())
                .attestationFormat(verified.attestationFormat())
                .attestationObject(settings.keepAttestation() ? verified.attestationObject() : null)
                .clientDataJSON(settings.keepAttestation() ? verified.clientDataJSON() : null)
                .attestationTrusted(verified.attestationTrusted())
                .build();
    }

    private void checkRoomFor(int passkeysAlready) {
        if (passkeysAlready >= settings.maxPasskeysPerUser()) {
            throw new PasskeyException(
                    Reason.TOO_MANY_PASSKEYS,
                    "This account already has " + passkeysAlready
                            + " passkeys, the most allowed; delete one before adding another.");
        }
    }

    /** A name made by the app (not typed by the user): cleaned and cut rather than refused; {@code null} if none. */
    static String fallbackName(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.codePoints()
                .filter(c -> !ShownText.isRefused(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            int end = MAX_NAME_LENGTH;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end).strip();
        }
        return clean.isEmpty() ? null : clean;
    }

    /** A user-given name, trimmed; {@code null} when none was given. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH || ShownText.hasRefused(trimmed)) {
            throw new PasskeyException(Reason.INVALID_NAME);
        }
        return trimmed;
    }
}
