package io.github.passkeys4j;

import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryRecoveryCodeStore;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.UsedChallengeStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every setting of a {@link RelyingParty}, each default filled in: what its ceremonies read. Made from a
 * {@link RelyingParty.Builder} by {@link #from}, turned back into one by {@link #toBuilder}.
 */
record RelyingPartySettings(
        String rpId,
        String rpName,
        Set<String> origins,
        UserVerification userVerification,
        Duration ceremonyTimeout,
        boolean requireUserHandleMatch,
        boolean refuseSignCounterRegression,
        PasskeyRepository passkeys,
        PasskeyUserRepository users,
        PendingCeremonyStore pendingCeremonies,
        UsedChallengeStore usedChallenges,
        ChallengeKeys challengeKeys,
        Duration challengeKeyRotation,
        PasskeyProviderDirectory providers,
        int maxPasskeysPerUser,
        Clock clock,
        StorageTransaction transaction,
        boolean keepAttestation,
        List<CoseAlgorithm> algorithms,
        AttestationConveyance attestation,
        AttestationTrust attestationTrust,
        RecoveryCodeStore recoveryCodeStore,
        RecoveryCodePolicy recoveryCodePolicy) {

    /** The builder's settings, with the default of each one it was not given (new in-memory stores every time). */
    static RelyingPartySettings from(RelyingParty.Builder builder) {
        return new RelyingPartySettings(
                builder.rpId,
                builder.rpName,
                builder.origins != null ? builder.origins : Set.of("https://" + builder.rpId),
                builder.userVerification,
                builder.ceremonyTimeout,
                builder.requireUserHandleMatch,
                builder.refuseSignCounterRegression,
                builder.passkeys != null ? builder.passkeys : new InMemoryPasskeyRepository(),
                builder.users != null ? builder.users : new InMemoryPasskeyUserRepository(),
                builder.pendingCeremonies != null
                        ? builder.pendingCeremonies
                        : new InMemoryPendingCeremonyStore(
                                builder.clock, InMemoryPendingCeremonyStore.DEFAULT_MAX_PENDING),
                builder.usedChallenges != null
                        ? builder.usedChallenges
                        : new InMemoryUsedChallengeStore(builder.clock, InMemoryUsedChallengeStore.DEFAULT_MAX_RECORDS),
                builder.challengeKeys != null ? builder.challengeKeys : new InMemoryChallengeKeys(),
                builder.challengeKeyRotation,
                builder.providers != null ? builder.providers : PasskeyProviderDirectory.bundled(),
                builder.maxPasskeysPerUser,
                builder.clock,
                builder.transaction,
                builder.keepAttestation,
                builder.algorithms,
                builder.attestation != null
                        ? builder.attestation
                        : builder.attestationTrust.requiresTrustedChain()
                                ? AttestationConveyance.DIRECT
                                : AttestationConveyance.NONE,
                builder.attestationTrust,
                builder.recoveryCodeStore != null ? builder.recoveryCodeStore : new InMemoryRecoveryCodeStore(),
                builder.recoveryCodePolicy);
    }

    /** A builder with every one of these settings, stores included. */
    RelyingParty.Builder toBuilder() {
        RelyingParty.Builder builder = new RelyingParty.Builder(rpId, rpName);
        builder.origins = origins;
        builder.userVerification = userVerification;
        builder.ceremonyTimeout = ceremonyTimeout;
        builder.requireUserHandleMatch = requireUserHandleMatch;
        builder.refuseSignCounterRegression = refuseSignCounterRegression;
        builder.passkeys = passkeys;
        builder.users = users;
        builder.pendingCeremonies = pendingCeremonies;
        builder.usedChallenges = usedChallenges;
        builder.challengeKeys = challengeKeys;
        builder.challengeKeyRotation = challengeKeyRotation;
        builder.providers = providers;
        builder.maxPasskeysPerUser = maxPasskeysPerUser;
        builder.clock = clock;
        builder.transaction = transaction;
        builder.keepAttestation = keepAttestation;
        builder.algorithms = algorithms;
        builder.attestation = attestation;
        builder.attestationTrust = attestationTrust;
        builder.recoveryCodeStore = recoveryCodeStore;
        builder.recoveryCodePolicy = recoveryCodePolicy;
        return builder;
    }
}
