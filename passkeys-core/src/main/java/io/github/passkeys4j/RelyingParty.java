package io.github.passkeys4j;

import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.internal.WebAuthn4jVerifier;
import io.github.passkeys4j.provider.PasskeyProviderDirectory;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.UsedChallengeStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entry point: one relying party (your site) and its two ceremonies. Build it once and share it; it is immutable
 * and thread-safe. Options go to the browser as W3C JSON, responses come back as {@code PublicKeyCredential.toJSON()}.
 *
 * <pre>{@code
 * RelyingParty rp = RelyingParty.builder("example.com", "Example")
 *         .origins(Set.of("https://example.com"))
 *         .passkeys(myPasskeyRepository)
 *         .build();
 * }</pre>
 *
 * Every refused ceremony throws {@link PasskeyException} naming the failed check, and changes nothing stored.
 */
public final class RelyingParty {

    private final RelyingPartySettings settings;
    private final RegistrationCeremony registration;
    private final SignUpCeremony signUp;
    private final AuthenticationCeremony authentication;
    private final PasskeyManagement management;
    private final RecoveryCodes recoveryCodes;
    private final Predicate<String> originAllowed;

    private RelyingParty(RelyingPartySettings settings) {
        this.settings = settings;
        WebAuthn4jVerifier verifier = new WebAuthn4jVerifier(
                settings.rpId(),
                settings.origins(),
                settings.refuseSignCounterRegression(),
                settings.algorithms().stream().map(CoseAlgorithm::id).toList(),
                settings.clock(),
                settings.attestationTrust());
        this.originAllowed = verifier::allowsOrigin;
        this.registration = new RegistrationCeremony(settings, verifier);
        this.signUp = new SignUpCeremony(settings, verifier, registration);
        this.authentication = new AuthenticationCeremony(settings, verifier);
        this.management = new PasskeyManagement(
                settings.passkeys(),
                settings.users(),
                settings.pendingCeremonies(),
                settings.transaction(),
                settings.clock(),
                settings.recoveryCodeStore());
        this.recoveryCodes = new RecoveryCodes(
                settings.recoveryCodeStore(), settings.transaction(), settings.clock(), settings.recoveryCodePolicy());
    }

    /**
     * @param rpId   the relying party ID: your site's registrable domain, e.g. {@code example.com} ({@code localhost}
     *               in development); passkeys are bound to it for good
     * @param rpName the name shown by authenticators, e.g. {@code Example}
     */
    public static Builder builder(String rpId, String rpName) {
        return new Builder(rpId, rpName);
    }

    /** Options for {@code navigator.credentials.create()}; the challenge is remembered until it expires or is used. */
    public PublicKeyCredentialCreationOptions startRegistration(StartRegistration request) {
        return registration.start(request);
    }

    /** Verifies the browser's response and stores the new passkey. */
    public Passkey finishRegistration(FinishRegistration request) {
        return registration.finish(request);
    }

    /**
     * Options for a passkey-only sign-up's {@code navigator.credentials.create()}, for an account that does not exist
     * yet: a new random user handle, a discoverable credential. Nothing is created, reserved or stored until
     * {@link #finishSignUp} (the challenge is sealed: anonymous callers cannot fill a store).
     */
    public PublicKeyCredentialCreationOptions startSignUp(StartSignUp request) {
        return signUp.start(request);
    }

    /** Verifies the browser's response, has the app create the account, and stores its first passkey. */
    public SignUpResult finishSignUp(FinishSignUp request) {
        return signUp.finish(request);
    }

    /**
     * Options for {@code navigator.credentials.get()}. A username-less sign-in's challenge is sealed (it carries its
     * state, signed with a server key; nothing is stored); one for an account is remembered until it expires or is used.
     */
    public PublicKeyCredentialRequestOptions startAuthentication(StartAuthentication request) {
        return authentication.start(request);
    }

    /** Verifies the browser's response, records the use, and says who signed in. */
    public AuthenticationResult finishAuthentication(FinishAuthentication request) {
        return authentication.finish(request);
    }

    /** Listing, renaming, disabling and deleting a user's passkeys. */
    public PasskeyManagement management() {
        return management;
    }

    /** One-time recovery codes for accounts that sign in with passkeys only. */
    public RecoveryCodes recoveryCodes() {
        return recoveryCodes;
    }

    public String rpId() {
        return settings.rpId();
    }

    public Set<String> origins() {
        return settings.origins();
    }

    /**
     * Whether a page at {@code origin} (as a browser's {@code Origin} header gives it, e.g.
     * {@code https://example.com}) may run ceremonies here: the same allow-list the checks use. For diagnostics and
     * early warnings; the ceremonies check the origin the authenticator signed, whatever this answers.
     */
    public boolean allowsOrigin(String origin) {
        return originAllowed.test(origin);
    }

    public UserVerification userVerification() {
        return settings.userVerification();
    }

    public PasskeyProviderDirectory providers() {
        return settings.providers();
    }

    public int maxPasskeysPerUser() {
        return settings.maxPasskeysPerUser();
    }

    public Clock clock() {
        return settings.clock();
    }

    public String rpName() {
        return settings.rpName();
    }

    public Duration ceremonyTimeout() {
        return settings.ceremonyTimeout();
    }

    /** The public-key algorithms new passkeys may use, in order of preference. */
    public List<CoseAlgorithm> algorithms() {
        return settings.algorithms();
    }

    /**
     * A builder with every setting of this relying party, stores included: change some and build another, e.g. one
     * with in-memory stores that runs test ceremonies leaving the real stores untouched.
     */
    public Builder toBuilder() {
        return settings.toBuilder();
    }

    /** Builds a {@link RelyingParty}; every option has a safe default, stated on its method. */
    public static final class Builder {
        // Not private: RelyingPartySettings fills in what was not given and copies settings back for toBuilder().
        final String rpId;
        final String rpName;
        Set<String> origins;
        UserVerification userVerification = UserVerification.REQUIRED;
        Duration ceremonyTimeout = Duration.ofMinutes(5);
        boolean requireUserHandleMatch = true;
        boolean refuseSignCounterRegression = true;
        PasskeyRepository passkeys;
        PasskeyUserRepository users;
        PendingCeremonyStore pendingCeremonies;
        UsedChallengeStore usedChallenges;
        ChallengeKeys challengeKeys;
        Duration challengeKeyRotation = Duration.ofDays(1);

        /** How much longer than the ceremony timeout a challenge key must sign: the clock skew allowed, and more. */
        public static final Duration MIN_ROTATION_MARGIN = Duration.ofMinutes(2);

        PasskeyProviderDirectory providers;
        int maxPasskeysPerUser = 20;
        Clock clock = Clock.systemUTC();
        StorageTransaction transaction = StorageTransaction.NONE;
        boolean keepAttestation;
        List<CoseAlgorithm> algorithms = CoseAlgorithm.DEFAULTS;
        AttestationConveyance attestation;
        AttestationTrust attestationTrust = AttestationTrust.any();
        RecoveryCodeStore recoveryCodeStore;
        RecoveryCodePolicy recoveryCodePolicy = RecoveryCodePolicy.DEFAULTS;

        Builder(String rpId, String rpName) {
            this.rpId = Objects.requireNonNull(rpId, "rpId");
            this.rpName = Objects.requireNonNull(rpName, "rpName");
            if (rpId.isBlank() || rpId.contains("/") || rpId.contains(":")) {
                throw new IllegalArgumentException("rpId must be a domain such as example.com, not a URL: " + rpId);
            }
        }

        /**
         * The exact origins (scheme, host, port) pages may run ceremonies from, e.g. {@code https://example.com}.
         * Default: {@code https://<rpId>} only; list others (a dev {@code http://localhost:8080}) explicitly.
         * {@code http://localhost:*} allows any port of localhost, for development; {@code https://*.example.com}
         * every subdomain of a domain at or under the RP ID (https, default port); {@code android:apk-key-hash:…} an
         * Android app (the base64url SHA-256 of its signing certificate).
         */
        public Builder origins(Set<String> origins) {
            this.origins = Origins.check(origins, rpId);
            return this;
        }

        /** Default {@link UserVerification#REQUIRED}: a passkey sign-in is then two factors in one. */
        public Builder userVerification(UserVerification userVerification) {
            this.userVerification = Objects.requireNonNull(userVerification, "userVerification");
            return this;
        }

        /** How long a started ceremony may take to finish. Default 5 minutes; also sent as the options' timeout. */
        public Builder ceremonyTimeout(Duration ceremonyTimeout) {
            if (ceremonyTimeout.isNegative() || ceremonyTimeout.isZero()) {
                throw new IllegalArgumentException("ceremonyTimeout must be positive");
            }
            this.ceremonyTimeout = ceremonyTimeout;
            return this;
        }

        /**
         * Default {@code true}: the response's {@code userHandle} must be present in a username-less sign-in and must
         * always equal the credential owner's. {@code false} ignores a missing or different user handle.
         */
        public Builder requireUserHandleMatch(boolean requireUserHandleMatch) {
            this.requireUserHandleMatch = requireUserHandleMatch;
            return this;
        }

        /**
         * Default {@code true}: a signature counter that is not above the last stored one (when either is non-zero)
         * refuses the sign-in, as it suggests a cloned authenticator. {@code false} accepts it.
         */
        public Builder refuseSignCounterRegression(boolean refuse) {
            this.refuseSignCounterRegression = refuse;
            return this;
        }

        /** Where passkeys are stored. Default: in memory (lost on restart). */
        public Builder passkeys(PasskeyRepository passkeys) {
            this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
            return this;
        }

        /** Where user handles are stored. Default: in memory (lost on restart). */
        public Builder users(PasskeyUserRepository users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        /** Where started ceremonies wait. Default: {@link InMemoryPendingCeremonyStore} (one node). */
        public Builder pendingCeremonies(PendingCeremonyStore pendingCeremonies) {
            this.pendingCeremonies = Objects.requireNonNull(pendingCeremonies, "pendingCeremonies");
            return this;
        }

        /**
         * Where used sign-in challenges are recorded, so each finishes once on any node. Default:
         * {@link InMemoryUsedChallengeStore} (one node); give a shared one (the starter's JDBC store) for several.
         */
        public Builder usedChallenges(UsedChallengeStore usedChallenges) {
            this.usedChallenges = Objects.requireNonNull(usedChallenges, "usedChallenges");
            return this;
        }

        /**
         * The keys that seal username-less sign-in challenges. Default: {@link InMemoryChallengeKeys} (one node;
         * random per start); give a shared one (the starter's JDBC one) for several nodes.
         */
        public Builder challengeKeys(ChallengeKeys challengeKeys) {
            this.challengeKeys = Objects.requireNonNull(challengeKeys, "challengeKeys");
            return this;
        }

        /**
         * How long one challenge key signs before the next takes over (older keys still verify the challenges they
         * sealed until those expire). Default 1 day; at least 1 minute, and at least the ceremony timeout plus
         * {@link #MIN_ROTATION_MARGIN} (checked by {@link #build()}), so a challenge still in time never needs a key
         * that stores have already forgotten (they keep the last few periods' keys).
         */
        public Builder challengeKeyRotation(Duration rotation) {
            if (rotation.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("challengeKeyRotation must be at least 1 minute");
            }
            this.challengeKeyRotation = rotation;
            return this;
        }

        /** Names new passkeys after their provider. Default: {@link PasskeyProviderDirectory#bundled()}. */
        public Builder providers(PasskeyProviderDirectory providers) {
            this.providers = Objects.requireNonNull(providers, "providers");
            return this;
        }

        /** How many passkeys one account may have. Default 20; more is refused with {@code TOO_MANY_PASSKEYS}. */
        public Builder maxPasskeysPerUser(int maxPasskeysPerUser) {
            if (maxPasskeysPerUser < 1) {
                throw new IllegalArgumentException("maxPasskeysPerUser must be at least 1");
            }
            this.maxPasskeysPerUser = maxPasskeysPerUser;
            return this;
        }

        /** Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Runs the writes of a registration, a passkey change or an account deletion as one unit, holding the
         * account's lock (see {@link StorageTransaction#runForAccount}). Default: no transaction and a lock per
         * account in this JVM (right for the in-memory stores); give one that runs a database transaction and locks
         * the account's row for database storage.
         */
        public Builder transaction(StorageTransaction transaction) {
            this.transaction = Objects.requireNonNull(transaction, "transaction");
            return this;
        }

        /**
         * Default {@code false}. {@code true} keeps each new passkey's raw {@code attestationObject} and
         * {@code clientDataJSON} (base64url, about 1 KB) in its {@link io.github.passkeys4j.store.Passkey}, for trust checks
         * made later; the attestation format is kept either way.
         */
        public Builder keepAttestation(boolean keepAttestation) {
            this.keepAttestation = keepAttestation;
            return this;
        }

        /**
         * The public-key algorithms new passkeys may use, in order of preference; advertised in
         * {@code pubKeyCredParams}, and a passkey with another is refused ({@code ALGORITHM_NOT_ALLOWED}). Default
         * {@link CoseAlgorithm#DEFAULTS}; {@link CoseAlgorithm#RS1} (SHA-1) only when listed here.
         */
        public Builder algorithms(List<CoseAlgorithm> algorithms) {
            if (algorithms.isEmpty()) {
                throw new IllegalArgumentException("algorithms must name at least one algorithm");
            }
            this.algorithms = List.copyOf(new java.util.LinkedHashSet<>(algorithms));
            return this;
        }

        /**
         * What the registration options ask for as {@code attestation}. Default {@link AttestationConveyance#NONE},
         * or {@link AttestationConveyance#DIRECT} when {@link #attestationTrust} names roots. Every statement that
         * arrives is verified whatever was asked.
         */
        public Builder attestation(AttestationConveyance attestation) {
            this.attestation = Objects.requireNonNull(attestation, "attestation");
            return this;
        }

        /**
         * Which authenticators may register, by their attestation. Default {@link AttestationTrust#any()}: any
         * statement that verifies, and none.
         */
        public Builder attestationTrust(AttestationTrust attestationTrust) {
            this.attestationTrust = Objects.requireNonNull(attestationTrust, "attestationTrust");
            return this;
        }

        /** Where recovery codes and wrong tries are kept. Default: in memory (one node, lost on restart). */
        public Builder recoveryCodeStore(RecoveryCodeStore store) {
            this.recoveryCodeStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Default: {@link RecoveryCodePolicy#DEFAULTS}. */
        public Builder recoveryCodePolicy(RecoveryCodePolicy policy) {
            this.recoveryCodePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public RelyingParty build() {
            if (challengeKeyRotation.compareTo(ceremonyTimeout.plus(MIN_ROTATION_MARGIN)) < 0) {
                throw new IllegalArgumentException("challengeKeyRotation (" + challengeKeyRotation
                        + ") must be at least the ceremony timeout (" + ceremonyTimeout + ") plus "
                        + MIN_ROTATION_MARGIN);
            }
            return new RelyingParty(RelyingPartySettings.from(this));
        }
    }
}
