package io.github.passkeys4j.store;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Challenge keys in memory: random per period and per instance, so only for one node (a restart makes open
 * sign-ins fail with an unknown challenge; the user retries). Keeps the last {@value #KEPT} periods' keys, and
 * the long-lived key for good.
 */
public final class InMemoryChallengeKeys implements ChallengeKeys {

    private static final int KEPT = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<Long, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public byte[] secret(long keyId) {
        byte[] secret = keys.computeIfAbsent(keyId, id -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            return fresh;
        });
        keys.keySet().removeIf(id -> id != LONG_LIVED_KEY_ID && id < keyId - KEPT);
        return secret.clone();
    }
}
