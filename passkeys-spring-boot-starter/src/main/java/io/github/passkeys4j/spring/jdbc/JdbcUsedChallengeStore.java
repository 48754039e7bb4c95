package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.UsedChallengeStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link UsedChallengeStore} in the {@code passkeys_spent_challenge} table, shared by every node: one row per
 * finished sign-in, keyed by a 64-bit id, the first 8 bytes of the SHA-256 of the key it is given. A {@code BIGINT}
 * key rather than the 43 characters: on in-memory H2 the insert of a {@code VARCHAR} key and its sweep were 15 % of a
 * sign-in's request samples (issue 13's profile, JDK 25), as much as the signature check. Two ids alike among the
 * challenges kept make the later one refused as used, never accepted. The primary key makes {@link #markUsed}
 * exactly-once across nodes:
 * of concurrent {@code INSERT}s of one key the database lets one commit and refuses the others (a duplicate key), in
 * autocommit mode. Expired rows go in bounded batches ({@value #SWEEP_BATCH} rows), from whichever node happens to
 * sweep: several nodes sweeping at once at worst delete nothing, and a sweep that fails (a deadlock between two
 * sweeps, say) is only logged, since the next one catches up.
 */
public final class JdbcUsedChallengeStore implements UsedChallengeStore {

    static final int SWEEP_BATCH = 1_000;
    // One per thread: finding the JCA provider costs more than hashing 43 bytes.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });
    private static final Log log = LogFactory.getLog(JdbcUsedChallengeStore.class);

    private final JdbcClient jdbc;

    public JdbcUsedChallengeStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcUsedChallengeStore(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public boolean markUsed(String key, Instant keepUntil) {
        try {
            jdbc.sql("INSERT INTO passkeys_spent_challenge (challenge_id, expires_at) VALUES (:id, :expiresAt)")
                    .param("id", id(key))
                    .param("expiresAt", JdbcColumns.timestamp(keepUntil))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyUsed) {
            return false;
        }
    }

    @Override
    public boolean isUsed(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_spent_challenge WHERE challenge_id = :id")
                        .param("id", id(key))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void removeExpired(Instant now) {
        try {
            ExpiredRows.deleteBatch(
                    jdbc, "passkeys_spent_challenge", "challenge_id", Long.class, "expires_at", now, SWEEP_BATCH);
        } catch (DataAccessException e) {
            log.debug("Sweeping used challenges failed; the next sweep catches up", e);
        }
    }

    /**
     * The row's id for {@code key}: the first 8 bytes of its UTF-8 SHA-256, big-endian. Migration V6 computes the same
     * in SQL for the rows it carries over.
     */
    static long id(String key) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return ByteBuffer.wrap(sha256.digest(Objects.requireNonNull(key, "key").getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }
}
