package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.internal.ThreadHashes;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.jspecify.annotations.Nullable;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Username-less sign-in challenges that carry their own state, so starting a sign-in writes nothing anywhere. A
 * challenge is {@code version | keyId | expiresAt | flags | 16 random bytes | HMAC-SHA256} (66 bytes, 88 base64url
 * characters), where {@code flags} holds the user-verification policy and whether the sign-in is bound to an account;
 * the MAC, with the key of period {@code keyId}, covers all of that plus the relying party ID, a hash of the browser
 * binding (a random value the web layer keeps in a cookie of the browser that asked) and, for a username-first
 * sign-in, a hash of the account's user handle (not carried: the finish gives the handle of the passkey that
 * answered, and the MAC holds only if it is that account's). Finishing records a hash of the challenge in a
 * {@link UsedChallengeStore}, so it is used at most once on any node.
 */
final class SealedChallenges {

    static final int SWEEP_EVERY = 64;
    /** How far apart the nodes' clocks may be; records of used challenges are kept this much past their expiry. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final byte VERSION = 1;
    private static final int FLAGS_AT = 1 + 8 + 8;
    private static final int ACCOUNT_BOUND = 0x10;
    private static final int HEADER = 1 + 8 + 8 + 1 + 16;
    private static final int LENGTH = HEADER + 32;
    private static final int ENCODED_LENGTH = 88;
    private static final byte[] CONTEXT = "passkeys4j sealed webauthn.get v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALREADY_USED = "This sign-in was already used. Please try again.";

    private final byte[] rpId;
    private final ChallengeKeys keys;
    private final UsedChallengeStore used;
    private final Clock clock;
    private final Duration timeout;
    private final long rotationSeconds;
    private final AtomicLong marks = new AtomicLong();

    SealedChallenges(RelyingPartySettings settings) {
        this.rpId = settings.rpId().getBytes(StandardCharsets.UTF_8);
        this.keys = settings.challengeKeys();
        this.used = settings.usedChallenges();
        this.clock = settings.clock();
        this.timeout = settings.ceremonyTimeout();
        this.rotationSeconds = settings.challengeKeyRotation().toSeconds();
    }

    /** Whether {@code challenge} has the form of a sealed one (a stored challenge is 43 characters). */
    static boolean looksSealed(String challenge) {
        return challenge.length() == ENCODED_LENGTH;
    }

    /** Whether {@code challenge} has the form of a sealed one bound to an account (a username-first sign-in). */
    static boolean looksAccountBound(String challenge) {
        if (!looksSealed(challenge)) {
            return false;
        }
        try {
            return (java.util.Base64.getUrlDecoder().decode(challenge)[FLAGS_AT] & ACCOUNT_BOUND) != 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    String seal(UserVerification userVerification, @Nullable String browserBinding) {
        return seal(userVerification, browserBinding, null);
    }

    /** @param accountHandle for a username-first sign-in, the user handle of its account (or one of no account) */
    String seal(UserVerification userVerification, @Nullable String browserBinding, @Nullable String accountHandle) {
        Instant now = clock.instant();
        long keyId = keyIdAt(now);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer sealed = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(keyId)
                .putLong(now.plus(timeout).toEpochMilli())
                .put((byte) (code(userVerification) | (accountHandle == null ? 0 : ACCOUNT_BOUND)))
                .put(nonce);
        sealed.put(tag(keyId, sealed.array(), browserBinding, accountHandle));
        return Base64Url.encode(sealed.array());
    }

    /**
     * The ceremony a sealed challenge stands for, if its MAC holds for this browser and it has not expired. Reads and
     * writes nothing: whether a node used it already is decided by {@link #markUsed}, once every check passed, and
     * asked by {@link #checking} when a check refuses it first (so a sign-in that passes costs one statement).
     */
    PendingCeremony open(String challenge, @Nullable String browserBinding) {
        if (looksAccountBound(challenge)) {
            // Only AuthenticationCeremony's username-first path may open these (it checks the account's MAC).
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        return read(challenge, browserBinding, true);
    }

    /**
     * A username-first ceremony's state before its MAC is checked: its header read and checked (version, key period,
     * expiry) the same way whatever credential answers. The caller verifies the response first and then
     * {@link #checkAccount}, so that only a passkey's holder learns whether it belongs to the account.
     */
    PendingCeremony openUnchecked(String challenge) {
        return read(challenge, null, false);
    }

    private PendingCeremony read(String challenge, @Nullable String browserBinding, boolean checkMac) {
        byte[] bytes = decode(challenge);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        long keyId = in.getLong();
        long expiresAtMillis = in.getLong();
        byte uv = in.get();
        Instant now = clock.instant();
        if (version != VERSION
                || keyId < keyIdAt(now.minus(timeout).minus(CLOCK_SKEW))
                || keyId > keyIdAt(now.plus(CLOCK_SKEW))) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        if (checkMac) {
            checkTag(challenge, browserBinding, null, Reason.CHALLENGE_UNKNOWN, null);
        }
        Instant expiresAt = Instant.ofEpochMilli(expiresAtMillis);
        if (expiresAt.isBefore(now)) {
            throw new PasskeyException(Reason.CHALLENGE_EXPIRED);
        }
        return new PendingCeremony(
                challenge,
                PendingCeremony.Type.AUTHENTICATION,
                null,
                List.of(),
                userVerification((byte) (uv & ~ACCOUNT_BOUND)),
                expiresAt);
    }

    /** Refuses a username-first challenge whose MAC does not hold for this browser and this passkey's account. */
    void checkAccount(String challenge, @Nullable String browserBinding, String passkeyUserHandle) {
        checkTag(
                challenge,
                browserBinding,
                passkeyUserHandle,
                Reason.USER_HANDLE_MISMATCH,
                "This passkey does not belong to the account whose username was given, or the sign-in was started in"
                        + " another browser.");
    }

    private void checkTag(
            String challenge,
            @Nullable String browserBinding,
            @Nullable String accountHandle,
            Reason reason,
            @Nullable String message) {
        byte[] bytes = decode(challenge);
        long keyId = ByteBuffer.wrap(bytes, 1, 8).getLong();
        byte[] expected = tag(keyId, bytes, browserBinding, accountHandle);
        byte[] actual = java.util.Arrays.copyOfRange(bytes, HEADER, LENGTH);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw message == null ? new PasskeyException(reason) : new PasskeyException(reason, message);
        }
    }

    /**
     * Runs the checks of a sealed sign-in that come before {@link #markUsed}. A refusal of a challenge that a node used
     * already (a replay) is told as that, whichever check refused it first, the app's account check included: a
     * replayed response would otherwise read as a cloned passkey (its signature counter did not move), or tell
     * whoever replays it the account's state. Whether it was used is asked only on a refusal, so a sign-in that passes
     * costs one statement on the used-challenge store, {@link #markUsed}'s. The first refusal stays attached
     * (suppressed) for the logs.
     */
    <T> T checking(String challenge, Supplier<T> checks) {
        try {
            return checks.get();
        } catch (RuntimeException refused) {
            boolean replayed;
            try {
                replayed = used.isUsed(usedKey(challenge));
            } catch (RuntimeException storeFailed) {
                storeFailed.addSuppressed(refused);
                throw storeFailed;
            }
            if (replayed) {
                PasskeyException alreadyUsed = new PasskeyException(Reason.CHALLENGE_UNKNOWN, ALREADY_USED);
                alreadyUsed.addSuppressed(refused);
                throw alreadyUsed;
            }
            throw refused;
        }
    }

    /** Records the challenge as used; refuses it when any node did already. */
    void markUsed(PendingCeremony ceremony) {
        if (marks.incrementAndGet() % SWEEP_EVERY == 0) {
            used.removeExpired(clock.instant());
        }
        if (!used.markUsed(usedKey(ceremony.challenge()), ceremony.expiresAt().plus(CLOCK_SKEW))) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN, ALREADY_USED);
        }
    }

    /** The key a used challenge is recorded under: its SHA-256, base64url. */
    static String usedKey(String challenge) {
        return Base64Url.encode(sha256(challenge.getBytes(StandardCharsets.US_ASCII)));
    }

    private long keyIdAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), rotationSeconds);
    }

    private byte[] tag(long keyId, byte[] sealed, @Nullable String browserBinding, @Nullable String accountHandle) {
        byte[] secret = keys.secret(keyId);
        Mac mac = ThreadHashes.hmacSha256(secret);
        mac.update(CONTEXT);
        mac.update(ByteBuffer.allocate(4).putInt(rpId.length).array());
        mac.update(rpId);
        mac.update(sealed, 0, HEADER);
        if (browserBinding == null) {
            mac.update((byte) 0);
        } else {
            mac.update((byte) 1);
            mac.update(sha256(browserBinding.getBytes(StandardCharsets.UTF_8)));
        }
        if ((sealed[FLAGS_AT] & ACCOUNT_BOUND) != 0) {
            // Absent for a bound challenge (a caller's slip) gives a MAC no real handle matches.
            mac.update((byte) 2);
            mac.update(sha256(("account:" + accountHandle).getBytes(StandardCharsets.UTF_8)));
        }
        return mac.doFinal();
    }

    private static byte[] decode(String challenge) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getUrlDecoder().decode(challenge);
        } catch (IllegalArgumentException e) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        if (bytes.length != LENGTH) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        return bytes;
    }

    static byte code(UserVerification userVerification) {
        return switch (userVerification) {
            case REQUIRED -> 1;
            case PREFERRED -> 2;
            case DISCOURAGED -> 3;
        };
    }

    static UserVerification userVerification(byte code) {
        return switch (code) {
            case 1 -> UserVerification.REQUIRED;
            case 2 -> UserVerification.PREFERRED;
            case 3 -> UserVerification.DISCOURAGED;
            default -> throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        };
    }

    static byte[] sha256(byte[] bytes) {
        return ThreadHashes.sha256(bytes);
    }
}
