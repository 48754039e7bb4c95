package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.ChallengeKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link ChallengeKeys} in the {@code passkeys_challenge_key} table, shared by every node. A period's key is made
 * by the first node that needs it: it inserts a random 32-byte secret under the key id, and a node that loses the
 * race (duplicate key) reads the winner's; every node then caches it, so a node reads the table about once per
 * rotation period. Keys more than {@value #KEPT} periods old are deleted when a new one is made, except the long-lived
 * key ({@link ChallengeKeys#LONG_LIVED_KEY_ID}), kept for good.
 */
public final class JdbcChallengeKeys implements ChallengeKeys {

    private static final int KEPT = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentMap<Long, byte[]> cache = new ConcurrentHashMap<>();

    public JdbcChallengeKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public JdbcChallengeKeys(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")), Clock.systemUTC());
    }

    @Override
    public byte[] secret(long keyId) {
        byte[] secret = cache.get(keyId);
        if (secret == null) {
            secret = read(keyId).orElseGet(() -> create(keyId));
            cache.put(keyId, secret);
            cache.keySet().removeIf(id -> id != LONG_LIVED_KEY_ID && id < keyId - KEPT);
        }
        return secret.clone();
    }

    private byte[] create(long keyId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO passkeys_challenge_key (key_id, secret, created_at) VALUES (:id, :secret, :now)")
                    .param("id", keyId)
                    .param("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(fresh))
                    .param("now", JdbcColumns.timestamp(Instant.now(clock)))
                    .update();
            jdbc.sql("DELETE FROM passkeys_challenge_key WHERE key_id < :oldest AND key_id <> :kept")
                    .param("oldest", keyId - KEPT)
                    .param("kept", LONG_LIVED_KEY_ID)
                    .update();
            return fresh;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return read(keyId).orElseThrow(() -> new IllegalStateException("challenge key " + keyId + " vanished"));
        }
    }

    private Optional<byte[]> read(long keyId) {
        return jdbc.sql("SELECT secret FROM passkeys_challenge_key WHERE key_id = :id")
                .param("id", keyId)
                .query((rs, row) -> Base64.getUrlDecoder().decode(rs.getString("secret")))
                .optional();
    }
}
