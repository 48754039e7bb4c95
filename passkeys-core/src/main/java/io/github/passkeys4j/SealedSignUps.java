package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.internal.ThreadHashes;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.PasskeyUser;
import org.jspecify.annotations.Nullable;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Sign-up challenges that carry their own state, so an anonymous visitor asking for sign-up options writes nothing
 * anywhere (no row to fill a database with). A challenge is {@code version | keyId | expiresAt | flags | new account's
 * user handle (64 random bytes) | HMAC-SHA256} (114 bytes, 152 base64url characters); the MAC, with the challenge key
 * of period {@code keyId}, covers all of that plus the relying party ID, the username and display name the sign-up
 * was started for (the finish gives them again: a change is refused) and the browser binding. Finishing records the
 * challenge in the {@link io.github.passkeys4j.store.UsedChallengeStore}, so it is used at most once on any node.
 */
final class SealedSignUps {

    private static final byte VERSION = 1;
    private static final int HANDLE_AT = 1 + 8 + 8 + 1;
    private static final int HEADER = HANDLE_AT + PasskeyUser.RANDOM_HANDLE_BYTES;
    private static final int LENGTH = HEADER + 32;
    private static final int ENCODED_LENGTH = 152;
    private static final byte[] CONTEXT = "passkeys4j sealed sign-up v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] rpId;
    private final ChallengeKeys keys;
    private final Clock clock;
    private final Duration timeout;
    private final long rotationSeconds;

    SealedSignUps(RelyingPartySettings settings) {
        this.rpId = settings.rpId().getBytes(StandardCharsets.UTF_8);
        this.keys = settings.challengeKeys();
        this.clock = settings.clock();
        this.timeout = settings.ceremonyTimeout();
        this.rotationSeconds = settings.challengeKeyRotation().toSeconds();
    }

    /** Whether {@code challenge} has the form of a sealed sign-up (other challenges are 43 or 88 characters). */
    static boolean looksSealed(String challenge) {
        return challenge.length() == ENCODED_LENGTH;
    }

    /** A new account's ceremony: its challenge, holding a new random user handle. */
    PendingCeremony seal(StartSignUp request, UserVerification userVerification) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(timeout);
        long keyId = Math.floorDiv(now.getEpochSecond(), rotationSeconds);
        byte[] handle = new byte[PasskeyUser.RANDOM_HANDLE_BYTES];
        RANDOM.nextBytes(handle);
        ByteBuffer sealed = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(keyId)
                .putLong(expiresAt.toEpochMilli())
                .put(SealedChallenges.code(userVerification))
                .put(handle);
        sealed.put(tag(keyId, sealed.array(), request));
        return ceremony(Base64Url.encode(sealed.array()), request, handle, userVerification, expiresAt);
    }

    /**
     * The ceremony a sealed sign-up challenge stands for, if its MAC holds for this username, display name and
     * browser, and it has not expired. Writes nothing: the caller records it as used.
     */
    PendingCeremony open(String challenge, StartSignUp startedAs) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getUrlDecoder().decode(challenge);
        } catch (IllegalArgumentException e) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        if (bytes.length != LENGTH || bytes[0] != VERSION) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, HANDLE_AT - 1);
        long keyId = in.getLong();
        Instant expiresAt = Instant.ofEpochMilli(in.getLong());
        UserVerification userVerification = SealedChallenges.userVerification(in.get());
        Instant now = clock.instant();
        long oldest = Math.floorDiv(
                now.minus(timeout).minus(SealedChallenges.CLOCK_SKEW).getEpochSecond(), rotationSeconds);
        long newest = Math.floorDiv(now.plus(SealedChallenges.CLOCK_SKEW).getEpochSecond(), rotationSeconds);
        if (keyId < oldest || keyId > newest) {
            throw new PasskeyException(Reason.CHALLENGE_UNKNOWN);
        }
        if (!MessageDigest.isEqual(tag(keyId, bytes, startedAs), Arrays.copyOfRange(bytes, HEADER, LENGTH))) {
            throw new PasskeyException(
                    Reason.CHALLENGE_MISMATCH,
                    "This sign-up was started for another username or display name, or in another browser.");
        }
        if (expiresAt.isBefore(now)) {
            throw new PasskeyException(Reason.CHALLENGE_EXPIRED);
        }
        return ceremony(
                challenge, startedAs, Arrays.copyOfRange(bytes, HANDLE_AT, HEADER), userVerification, expiresAt);
    }

    private static PendingCeremony ceremony(
            String challenge,
            StartSignUp request,
            byte[] handle,
            UserVerification userVerification,
            Instant expiresAt) {
        // The account id is a placeholder until the app creates the account.
        PasskeyUser user = PasskeyUser.builder()
                .userHandle(Base64Url.encode(handle))
                .accountId(request.username())
                .username(request.username())
                .displayName(request.displayName())
                .build();
        return new PendingCeremony(
                challenge, PendingCeremony.Type.SIGN_UP, user, List.of(), userVerification, expiresAt);
    }

    private byte[] tag(long keyId, byte[] sealed, StartSignUp request) {
        Mac mac = ThreadHashes.hmacSha256(keys.secret(keyId));
        mac.update(CONTEXT);
        field(mac, rpId);
        mac.update(sealed, 0, HEADER);
        field(mac, request.username().getBytes(StandardCharsets.UTF_8));
        // The name shown: none given and the username given as display name are the same sign-up.
        String displayName = request.displayName() == null ? request.username() : request.displayName();
        field(mac, displayName.getBytes(StandardCharsets.UTF_8));
        optional(mac, request.browserBinding());
        return mac.doFinal();
    }

    /** Length-prefixed, so no two different inputs feed the MAC the same bytes. */
    private static void field(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(4).putInt(value.length).array());
        mac.update(value);
    }

    private static void optional(Mac mac, @Nullable String value) {
        if (value == null) {
            mac.update((byte) 0);
        } else {
            mac.update((byte) 1);
            field(mac, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
