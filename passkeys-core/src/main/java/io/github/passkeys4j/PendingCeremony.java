package io.github.passkeys4j;

import io.github.passkeys4j.store.PasskeyUser;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ceremony that was started and not yet finished: what the server must remember between the options it sent and
 * the response it gets. It is keyed by its challenge, which the response carries in its signed client data. Stores
 * never see it: {@link PendingCeremonyJson} turns it into the opaque bytes a
 * {@link io.github.passkeys4j.store.PendingCeremonyStore} keeps, so it can grow without touching any store or schema.
 *
 * @param challenge          base64url challenge (32 random bytes)
 * @param type               which ceremony
 * @param user               for registration, the user the passkey is for; for an authentication started for a
 *                           known user, that user; {@code null} for a discoverable (username-less) sign-in
 * @param allowCredentialIds the credential IDs offered in {@code allowCredentials}; empty when any is allowed
 * @param userVerification   the user-verification policy the options asked for
 * @param expiresAt          after this instant the ceremony can no longer finish
 * @param conditional        a registration started as an automatic upgrade ({@code mediation: "conditional"}): the
 *                           only ceremony that may finish with user presence false
 */
record PendingCeremony(
        String challenge,
        Type type,
        PasskeyUser user,
        List<String> allowCredentialIds,
        UserVerification userVerification,
        Instant expiresAt,
        boolean conditional) {

    /** A ceremony that is not an automatic upgrade: user presence is required. */
    PendingCeremony(
            String challenge,
            Type type,
            PasskeyUser user,
            List<String> allowCredentialIds,
            UserVerification userVerification,
            Instant expiresAt) {
        this(challenge, type, user, allowCredentialIds, userVerification, expiresAt, false);
    }

    public PendingCeremony {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userVerification, "userVerification");
        Objects.requireNonNull(expiresAt, "expiresAt");
        allowCredentialIds = allowCredentialIds == null ? List.of() : List.copyOf(allowCredentialIds);
        if (type != Type.AUTHENTICATION && user == null) {
            throw new IllegalArgumentException("a registration ceremony needs its user");
        }
        if (conditional && type != Type.REGISTRATION) {
            throw new IllegalArgumentException("only a registration can be conditional");
        }
    }

    public enum Type {
        REGISTRATION,
        AUTHENTICATION,
        /** A passkey-only sign-up (sealed, never stored): {@code user} is the account to be; its id a placeholder. */
        SIGN_UP
    }
}
