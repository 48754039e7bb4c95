package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.RecoveryCodeHashes;
import io.github.passkeys4j.store.RecoveryAttempts;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.StoredRecoveryCode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One-time recovery codes for accounts that sign in with passkeys only: {@link #issue} makes a new set (shown to the
 * user once, stored only as slow hashes), {@link #redeem} lets one code in, once. Wrong tries are counted per account
 * (and per username for an unknown one) in the store, so the lockout holds on every node. Get it from
 * {@link RelyingParty#recoveryCodes()}, which shares the relying party's store and clock.
 *
 * <p>A code is 12 characters of Crockford's base32 (60 random bits) hashed with PBKDF2-HMAC-SHA256 and a salt of its
 * own (see {@link RecoveryCodePolicy}). Every {@link #redeem} hashes {@code codeCount} times whether the account
 * exists or has codes left, so neither the answer nor its time tells a wrong code from an unknown user.
 */
public final class RecoveryCodes {

    private static final String UNKNOWN_KEY_PREFIX = "unknown-user:";

    private final RecoveryCodeStore store;
    private final StorageTransaction transaction;
    private final Clock clock;
    private final RecoveryCodePolicy policy;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    RecoveryCodes(RecoveryCodeStore store, StorageTransaction transaction, Clock clock, RecoveryCodePolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.dummyHash = RecoveryCodeHashes.hash(
                RecoveryCodeFormat.normalize(RecoveryCodeFormat.generate(random)), policy.iterations(), random);
    }

    public RecoveryCodePolicy policy() {
        return policy;
    }

    /**
     * Makes a new set of codes for the account, replacing every earlier code in one step, and returns the codes as
     * the user must see them ({@code 7K3M-Q9XD-2PWF}): this is the only time they exist in plain text. Show them
     * once, e.g. right after a passkey-only sign-up, and when the user asks for new ones.
     */
    public List<String> issue(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Instant now = clock.instant();
        List<String> plain = new ArrayList<>(policy.codeCount());
        List<StoredRecoveryCode> stored = new ArrayList<>(policy.codeCount());
        for (int i = 0; i < policy.codeCount(); i++) {
            String code = RecoveryCodeFormat.generate(random);
            plain.add(code);
            stored.add(new StoredRecoveryCode(
                    codeId(),
                    RecoveryCodeHashes.hash(RecoveryCodeFormat.normalize(code), policy.iterations(), random),
                    now));
        }
        transaction.runForAccount(accountId, () -> {
            store.replaceAll(accountId, stored);
            return null;
        });
        return List.copyOf(plain);
    }

    /** How many of the account's codes are left (never the codes). */
    public int remaining(String accountId) {
        return store.countUnused(accountId);
    }

    /**
     * Lets one recovery code in, once. Of any number of concurrent tries with one code, on any number of nodes,
     * exactly one succeeds.
     *
     * @throws PasskeyException {@code RECOVERY_LOCKED} after {@code maxFailures} wrong tries within the lockout window
     *                          (the refused try hashes nothing; it counts nothing unless it raced the try that locked);
     *                          {@code RECOVERY_CODE_INVALID} for a
     *                          wrong, used or malformed code and for an unknown user alike (counted as a wrong try)
     */
    public Recovered redeem(RecoveryAttempt attempt) {
        Use use = use(attempt, clock.instant());
        store.clearFailures(use.key());
        return use.recovered();
    }

    /**
     * Lets one recovery code in as {@link #redeem(RecoveryAttempt)} does, then runs {@code signIn} with it. When
     * {@code signIn} throws (the app's session limit refused the session), the code is given back
     * ({@link RecoveryCodeStore#markUnused}) and the exception goes on: a refused sign-in spends no code. So
     * {@code signIn} must throw only while nothing is signed in yet; once it has saved a session, it must not throw.
     * A right code is no wrong try, even when its sign-in is refused: the user who retries until they sign out
     * elsewhere is not locked out (and whoever holds a right code gains nothing from the reset count).
     *
     * @throws PasskeyException as {@link #redeem(RecoveryAttempt)}, before {@code signIn} runs
     */
    public <T> T redeem(RecoveryAttempt attempt, Function<Recovered, T> signIn) {
        Instant now = clock.instant();
        Use use = use(attempt, now);
        T signedIn;
        try {
            store.clearFailures(use.key());
            signedIn = signIn.apply(use.recovered());
        } catch (RuntimeException refused) {
            try {
                store.markUnused(attempt.accountId(), use.codeId(), now);
            } catch (RuntimeException notGivenBack) {
                refused.addSuppressed(notGivenBack);
            }
            throw refused;
        }
        return signedIn;
    }

    /** A code marked used: what it let in, which code, and the key its wrong tries are counted under. */
    private record Use(Recovered recovered, String codeId, String key) {}

    private Use use(RecoveryAttempt attempt, Instant now) {
        String key = attempt.accountId() != null
                ? attempt.accountId()
                : UNKNOWN_KEY_PREFIX + RecoveryCodeHashes.sha256(attempt.username());
        RecoveryAttempts counted = store.attempts(key).orElse(null);
        if (counted != null && counted.activeAt(now) && counted.failures() >= policy.maxFailures()) {
            throw new PasskeyException(Reason.RECOVERY_LOCKED);
        }
        // Counted before the code is checked (and cleared if it is right): of concurrent tries, on any node, only the
        // first maxFailures are checked at all, so a burst cannot get more guesses than the lockout allows.
        if (store.recordFailure(key, now, policy.lockout()).failures() > policy.maxFailures()) {
            throw new PasskeyException(Reason.RECOVERY_LOCKED);
        }
        String code = RecoveryCodeFormat.normalize(attempt.code());
        // An unknown user's key names no account: the same read, nothing found.
        List<StoredRecoveryCode> unused = store.findUnused(key);
        StoredRecoveryCode match = null;
        int hashes = Math.max(policy.codeCount(), unused.size());
        for (int i = 0; i < hashes; i++) {
            // Always the same work: a dummy hash stands in for a missing code, a malformed code or an unknown user.
            String stored = i < unused.size() ? unused.get(i).hash() : dummyHash;
            boolean same = RecoveryCodeHashes.matches(code == null ? "" : code, stored);
            if (same && i < unused.size() && code != null && match == null) {
                match = unused.get(i);
            }
        }
        if (match != null && store.markUsed(attempt.accountId(), match.codeId(), now)) {
            return new Use(
                    new Recovered(attempt.accountId(), store.countUnused(attempt.accountId())), match.codeId(), key);
        }
        throw new PasskeyException(Reason.RECOVERY_CODE_INVALID);
    }

    /** Forgets the account's codes and wrong tries (when it is deleted). */
    void forget(String accountId) {
        store.deleteAll(accountId);
    }

    private String codeId() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /**
     * A right code.
     *
     * @param accountId the account it let in
     * @param codesLeft how many of its codes are left
     */
    public record Recovered(String accountId, int codesLeft) {}
}
