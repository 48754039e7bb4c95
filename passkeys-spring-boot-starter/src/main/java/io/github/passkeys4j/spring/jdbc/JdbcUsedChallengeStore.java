package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.UsedChallengeStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link UsedChallengeStore} in the {@code passkeys_used_challenge} table, shared by every node: one row per
 * finished sign-in, keyed by its challenge's hash. The primary key makes {@link #markUsed} exactly-once across nodes:
 * of concurrent {@code INSERT}s of one key the database lets one commit and refuses the others (a duplicate key), in
 * autocommit mode. Expired rows go in bounded batches ({@value #SWEEP_BATCH} rows), from whichever node happens to
 * sweep: several nodes sweeping at once at worst delete nothing, and a sweep that fails (a deadlock between two
 * sweeps, say) is only logged, since the next one catches up.
 */
public final class JdbcUsedChallengeStore implements UsedChallengeStore {

    static final int SWEEP_BATCH = 1_000;
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
            jdbc.sql("INSERT INTO passkeys_used_challenge (challenge_hash, expires_at) VALUES (:key, :expiresAt)")
                    .param("key", Objects.requireNonNull(key, "key"))
                    .param("expiresAt", JdbcColumns.timestamp(keepUntil), Types.TIMESTAMP_WITH_TIMEZONE)
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyUsed) {
            return false;
        }
    }

    @Override
    public boolean isUsed(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_used_challenge WHERE challenge_hash = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void removeExpired(Instant now) {
        try {
            ExpiredRows.deleteBatch(jdbc, "passkeys_used_challenge", "challenge_hash", "expires_at", now, SWEEP_BATCH);
        } catch (DataAccessException e) {
            log.debug("Sweeping used challenges failed; the next sweep catches up", e);
        }
    }
}
