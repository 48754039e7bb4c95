package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.store.PendingCeremonyStore;

import java.security.SecureRandom;
import java.time.Clock;

/** Makes challenges and takes them back exactly once, for both ceremonies. */
final class PendingCeremonies {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final int SWEEP_EVERY = 64;

    private final java.util.concurrent.atomic.AtomicLong saves = new java.util.concurrent.atomic.AtomicLong();
    private final PendingCeremonyStore store;
    private final Clock clock;

    PendingCeremonies(PendingCeremonyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** 32 random bytes: well above the 16 that WebAuthn Level 3 §13.4.3 asks for. */
    static String newChallenge() {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        return Base64Url.encode(challenge);
    }

    void remember(PendingCeremony ceremony) {
        // Abandoned ceremonies never get consumed: sweep now and then, so shared stores (JDBC) do not grow forever.
        if (saves.incrementAndGet() % SWEEP_EVERY == 0) {
            store.removeExpired(clock.instant());
        }
        store.save(
                ceremony.challenge(),
                ceremony.expiresAt(),
                PendingCeremonyJson.write(ceremony),
                ceremony.user() == null ? null : ceremony.user().accountId());
    }

    /** The ceremony the response answers; it can never be used again, whether or not verification then succeeds. */
    PendingCeremony consume(String challenge, PendingCeremony.Type expectedType) {
        PendingCeremony ceremony = store.consume(challenge)
                .map(PendingCeremonyJson::read)
                .orElseThrow(() -> new PasskeyException(Reason.CHALLENGE_UNKNOWN));
        if (!ceremony.challenge().equals(challenge)) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        if (ceremony.expiresAt().isBefore(clock.instant())) {
            throw new PasskeyException(Reason.CHALLENGE_EXPIRED);
        }
        if (ceremony.type() != expectedType) {
            throw new PasskeyException(
                    Reason.CHALLENGE_MISMATCH,
                    "The challenge was issued for " + ceremony.type().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not for this ceremony.");
        }
        return ceremony;
    }
}
