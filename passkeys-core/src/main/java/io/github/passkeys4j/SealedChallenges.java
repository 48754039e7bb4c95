package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.jspecify.annotations.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Username-less sign-in challenges that carry their own state, so starting a sign-in writes nothing anywhere. A
 * challenge is {@code version | keyId | expiresAt | userVerification | 16 random bytes | HMAC-SHA256} (66 bytes,
 * 88 base64url characters); the MAC, with the key of period {@code keyId}, covers all of that plus the relying party
 * ID and a hash of the browser binding (a random value the web layer keeps in a cookie of the browser that asked).
 * Finishing records a hash of the challenge in a {@link UsedChallengeStore}, so it is used at most once on any node.
 */
final class SealedChallenges {

    static final int SWEEP_EVERY = 64;
    /** How far apart the nodes' clocks may be; records of used challenges are kept this much past their expiry. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final byte VERSION = 1;
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

    SealedChallenges(RelyingParty.Settings settings) {
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

    String seal(UserVerification userVerification, @Nullable String browserBinding) {
        Instant now = clock.instant();
        long keyId = keyIdAt(now);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer sealed = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(keyId)
                .putLong(now.plus(timeout).toEpochMilli())
                .put(code(userVerification))
                .put(nonce);
        sealed.put(tag(keyId, sealed.array(), browserBinding));
        return Base64Url.encode(sealed.array());
    }

    /**
     * The ceremony a sealed challenge stands for, if its MAC holds for this browser, it has not expired
     * and no node used it yet. Writes nothing: {@link #markUsed} records it, once the response is verified.
     */
    PendingCeremony open(String challenge, @Nullable String browserBinding) {
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
        byte[] expected = tag(keyId, bytes, browserBinding);
        byte[] actual = java.util.Arrays.copyOfRange(bytes, HEADER, LENGTH);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        Instant expiresAt = Instant.ofEpochMilli(expiresAtMillis);
        if (expiresAt.isBefore(now)) {
            throw new PasskeyException(Reason.CHALLENGE_EXPIRED);
        }
        if (used.isUsed(usedKey(challenge))) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN, ALREADY_USED);
        }
        return new PendingCeremony(
                challenge, PendingCeremony.Type.AUTHENTICATION, null, List.of(), userVerification(uv), expiresAt);
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

    private byte[] tag(long keyId, byte[] sealed, @Nullable String browserBinding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.secret(keyId), "HmacSHA256"));
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
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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

    private static byte code(UserVerification userVerification) {
        return switch (userVerification) {
            case REQUIRED -> 1;
            case PREFERRED -> 2;
            case DISCOURAGED -> 3;
        };
    }

    private static UserVerification userVerification(byte code) {
        return switch (code) {
            case 1 -> UserVerification.REQUIRED;
            case 2 -> UserVerification.PREFERRED;
            case 3 -> UserVerification.DISCOURAGED;
            default -> throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        };
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
