package dev.passkeys;

import dev.passkeys.PasskeyException.Reason;
import dev.passkeys.data.CredentialDescriptor;
import dev.passkeys.data.PublicKeyCredentialCreationOptions;
import dev.passkeys.data.PublicKeyCredentialCreationOptions.AuthenticatorSelection;
import dev.passkeys.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import dev.passkeys.data.PublicKeyCredentialCreationOptions.RpEntity;
import dev.passkeys.data.PublicKeyCredentialCreationOptions.UserEntity;
import dev.passkeys.internal.CredentialJson;
import dev.passkeys.internal.WebAuthn4jVerifier;
import dev.passkeys.internal.WebAuthn4jVerifier.ParsedRegistration;
import dev.passkeys.internal.WebAuthn4jVerifier.VerifiedRegistration;
import dev.passkeys.provider.PasskeyProvider;
import dev.passkeys.store.Passkey;
import dev.passkeys.store.PasskeyUser;
import dev.passkeys.store.PendingCeremony;

import java.util.List;
import java.util.Map;

/** WebAuthn Level 3 §7.1, registering a new credential, plus this library's bookkeeping around it. */
final class RegistrationCeremony {

    static final int MAX_NAME_LENGTH = 64;

    private final RelyingParty.Settings settings;
    private final WebAuthn4jVerifier verifier;
    private final PendingCeremonies pending;

    RegistrationCeremony(RelyingParty.Settings settings, WebAuthn4jVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
        this.pending = new PendingCeremonies(settings.pendingCeremonies(), settings.clock());
    }

    PublicKeyCredentialCreationOptions start(StartRegistration request) {
        // The user handle is made now but stored only when a passkey is: a refused ceremony writes nothing.
        PasskeyUser user = settings.users().findByUsername(request.username())
                .map(known -> request.displayName() == null ? known
                        : new PasskeyUser(known.userHandle(), known.username(), request.displayName()))
                .orElseGet(() -> PasskeyUser.create(request.username(), request.displayName()));
        List<Passkey> existing = settings.passkeys().findByUserHandle(user.userHandle());
        checkRoomFor(existing.size());
        String challenge = PendingCeremonies.newChallenge();
        pending.remember(new PendingCeremony(challenge, PendingCeremony.Type.REGISTRATION, user, List.of(),
                settings.userVerification(), settings.clock().instant().plus(settings.ceremonyTimeout())));
        // Existing passkeys are excluded so an authenticator does not make a second one for the same account.
        List<CredentialDescriptor> exclude = existing.stream()
                .map(p -> CredentialDescriptor.publicKey(p.credentialId(), p.transports()))
                .toList();
        return new PublicKeyCredentialCreationOptions(
                new RpEntity(settings.rpId(), settings.rpName()),
                new UserEntity(user.userHandle(), user.username(), user.displayName()),
                challenge,
                WebAuthn4jVerifier.ALGORITHMS.stream().map(CredentialParameters::publicKey).toList(),
                settings.ceremonyTimeout().toMillis(),
                exclude,
                new AuthenticatorSelection(null, "required", true, settings.userVerification().jsonValue()),
                List.of(),
                "none",
                Map.of("credProps", true));
    }

    Passkey finish(FinishRegistration request) {
        String name = cleanName(request.name());
        CredentialJson.checkShape(request.responseJson());
        ParsedRegistration parsed = verifier.parseRegistration(request.responseJson());
        PendingCeremony ceremony = pending.consume(parsed.challenge(), PendingCeremony.Type.REGISTRATION);
        if (!ceremony.user().username().equals(request.username())) {
            throw new PasskeyException(Reason.CHALLENGE_MISMATCH, "This registration was started for another user.");
        }
        VerifiedRegistration verified = verifier.verifyRegistration(parsed,
                ceremony.userVerification() == UserVerification.REQUIRED);
        if (settings.passkeys().findByCredentialId(verified.credentialId()).isPresent()) {
            throw new PasskeyException(Reason.CREDENTIAL_ALREADY_REGISTERED);
        }
        PasskeyUser user = ceremony.user();
        // Two registrations started before the account existed made two user handles; the first to finish won.
        if (settings.users().findByUsername(user.username()).filter(u -> !u.userHandle().equals(user.userHandle()))
                .isPresent()) {
            throw new PasskeyException(Reason.CHALLENGE_MISMATCH,
                    "This registration was started before another passkey was added to the account; start again.");
        }
        checkRoomFor(settings.passkeys().findByUserHandle(user.userHandle()).size());
        if (name == null) {
            name = settings.providers().find(verified.aaguid()).map(PasskeyProvider::name).orElse("Passkey");
        }
        Passkey passkey = new Passkey(verified.credentialId(), user.userHandle(), verified.publicKey(),
                verified.signCount(), verified.aaguid(), verified.transports(), verified.backupEligible(),
                verified.backupState(), verified.userVerified(), settings.clock().instant(), null, name, true);
        settings.passkeys().add(passkey);
        if (!settings.users().findByUserHandle(user.userHandle()).equals(java.util.Optional.of(user))) {
            settings.users().save(user);
        }
        return passkey;
    }

    private void checkRoomFor(int passkeysAlready) {
        if (passkeysAlready >= settings.maxPasskeysPerUser()) {
            throw new PasskeyException(Reason.TOO_MANY_PASSKEYS, "This account already has " + passkeysAlready
                    + " passkeys, the most allowed; delete one before adding another.");
        }
    }

    /** A user-given name, trimmed; {@code null} when none was given. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new PasskeyException(Reason.INVALID_NAME);
        }
        return trimmed;
    }
}
