package io.github.passkeys4j;

import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.internal.ThreadHashes;
import io.github.passkeys4j.store.ChallengeKeys;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code allowCredentials} a username-first sign-in offers for a username with no passkeys (unknown, or known
 * without any): stand-in credential ids derived with HMAC-SHA256 from the long-lived server key
 * ({@link ChallengeKeys#LONG_LIVED_KEY_ID}, the same on every node) and the username, so they are the same on every
 * call and every node, as a real account's are, and look like real ones: one to three credentials (mostly one), the
 * id lengths of common authenticators, and their transports. A different key gives different stand-ins.
 */
final class FakeCredentials {

    /** Id lengths of common authenticators: 16 (Google, Chrome), 20 (iCloud), 32 (Windows Hello), 48 and 64 (keys). */
    static final List<Integer> ID_LENGTHS = List.of(16, 16, 20, 32, 48, 64, 64, 64);

    /** Transports as browsers report them, sorted as the real ones are in these options. */
    static final List<List<String>> TRANSPORTS = List.of(
            List.of("usb"),
            List.of("nfc", "usb"),
            List.of("nfc", "usb"),
            List.of("hybrid", "internal"),
            List.of("hybrid", "internal"),
            List.of("internal"));

    /** How many stand-ins, by the first derived byte mod 10: 1 for 0–6, 2 for 7–8, 3 for 9. */
    static final int MAX_COUNT = 3;

    private static final byte[] CONTEXT = "passkeys4j fake allowCredentials v1".getBytes(StandardCharsets.US_ASCII);

    private final ChallengeKeys keys;
    private final byte[] rpId;

    FakeCredentials(ChallengeKeys keys, String rpId) {
        this.keys = keys;
        this.rpId = rpId.getBytes(StandardCharsets.UTF_8);
    }

    List<CredentialDescriptor> forUsername(String username) {
        byte[] secret = keys.secret(ChallengeKeys.LONG_LIVED_KEY_ID);
        byte[] seed = derive(secret, username, -1);
        int pick = Byte.toUnsignedInt(seed[0]) % 10;
        int count = pick <= 6 ? 1 : pick <= 8 ? 2 : 3;
        List<CredentialDescriptor> fakes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] block = derive(secret, username, i);
            int length = ID_LENGTHS.get(Byte.toUnsignedInt(block[0]) % ID_LENGTHS.size());
            List<String> transports = TRANSPORTS.get(Byte.toUnsignedInt(block[1]) % TRANSPORTS.size());
            byte[] id = new byte[length];
            for (int filled = 0, round = 0; filled < length; round++) {
                byte[] more = derive(secret, username, 1000 * (i + 1) + round);
                int n = Math.min(more.length, length - filled);
                System.arraycopy(more, 0, id, filled, n);
                filled += n;
            }
            fakes.add(CredentialDescriptor.publicKey(Base64Url.encode(id), transports));
        }
        return List.copyOf(fakes);
    }

    /** A user handle that belongs to no account, for the same lookups as a known username would make. */
    String userHandleFor(String username) {
        return Base64Url.encode(derive(keys.secret(ChallengeKeys.LONG_LIVED_KEY_ID), username, -2));
    }

    private byte[] derive(byte[] secret, String username, int block) {
        Mac mac = ThreadHashes.hmacSha256(secret);
        mac.update(CONTEXT);
        mac.update(ByteBuffer.allocate(4).putInt(rpId.length).array());
        mac.update(rpId);
        // Most apps match usernames ignoring case: "Bob" and "bob" then get the same stand-ins, as they would
        // get the same real credentials.
        byte[] name = username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(8).putInt(name.length).putInt(block).array());
        mac.update(name);
        return mac.doFinal();
    }
}
