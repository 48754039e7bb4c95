package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.RecoveryAttempts;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StoredRecoveryCode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link RecoveryCodeStore} in the {@code passkeys_recovery_code} and {@code passkeys_recovery_attempt} tables,
 * shared by every node. {@link #markUsed} is one {@code UPDATE … WHERE used_at IS NULL}: of concurrent updates of one
 * row the database lets exactly one change it. {@link #replaceAll} deletes and inserts in one transaction (joining the
 * caller's) while holding the account's lock row in the same table, so replacements for one account never mix. A
 * wrong try is one {@code UPDATE} that counts up or starts afresh, or the first {@code INSERT}; expired counts are
 * swept now and then, in small batches.
 */
public final class JdbcRecoveryCodeStore implements RecoveryCodeStore {

    static final int SWEEP_BATCH = 100;
    /** The id of each account's lock row (see {@link #lockTheSet}); '~' is not in base64url, so no code has it. */
    static final String SET_LOCK = "~set";

    private static final Log log = LogFactory.getLog(JdbcRecoveryCodeStore.class);

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    /** The form of the lock row's insert this database takes; null until first found. */
    private volatile LockRowInsert lockRowInsert;

    private static final String LOCK_ROW_INSERT =
            "INSERT INTO passkeys_recovery_code (account_id, code_id, code_hash, created_at, used_at)"
                    + " VALUES (:accountId, :lock, :lock, :now, :now)";

    public JdbcRecoveryCodeStore(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void replaceAll(String accountId, List<StoredRecoveryCode> codes) {
        for (StoredRecoveryCode code : codes) {
            if (SET_LOCK.equals(code.codeId())) {
                throw new IllegalArgumentException("A code id may not be " + SET_LOCK + ", the id of the lock row");
            }
        }
        transactions.executeWithoutResult(status -> {
            lockTheSet(accountId);
            jdbc.sql("DELETE FROM passkeys_recovery_code WHERE account_id = :accountId AND code_id <> :lock")
                    .param("accountId", accountId)
                    .param("lock", SET_LOCK)
                    .update();
            for (StoredRecoveryCode code : codes) {
                jdbc.sql("INSERT INTO passkeys_recovery_code (account_id, code_id, code_hash, created_at)"
                                + " VALUES (:accountId, :codeId, :hash, :createdAt)")
                        .param("accountId", accountId)
                        .param("codeId", code.codeId())
                        .param("hash", code.hash())
                        .param("createdAt", JdbcColumns.timestamp(code.createdAt()))
                        .update();
            }
        });
    }

    /**
     * Holds the account's lock row until commit, so that replacements of one account's codes run one after another on
     * every node, also for an account with no {@code passkeys_user} row (no passkey yet) for the caller to lock: the
     * later one's DELETE sees, and removes, the earlier one's codes. The lock row is marked used, so no read or count
     * sees it. When there is none yet, of two first replacements the later INSERT waits for the earlier one's commit,
     * and then must neither fail the caller's transaction nor deadlock: see {@link LockRowInsert}.
     */
    private void lockTheSet(String accountId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!jdbc.sql("SELECT code_id FROM passkeys_recovery_code"
                            + " WHERE account_id = :accountId AND code_id = :lock FOR UPDATE")
                    .param("accountId", accountId)
                    .param("lock", SET_LOCK)
                    .query(String.class)
                    .list()
                    .isEmpty()) {
                return;
            }
            LockRowInsert form = insertLockRow(accountId);
            if (form == LockRowInsert.ON_DUPLICATE_KEY) {
                return; // inserted or updated: locked either way
            }
            // inserted (locked), or the other replacement's committed row: locked on the next round
        }
        throw new ConcurrencyFailureException("The recovery codes of this account kept changing; try again");
    }

    /**
     * How this database inserts the lock row when another replacement may insert it at the same moment, found by
     * trying each in turn once (a statement a database does not know fails, and ends no transaction but PostgreSQL's,
     * which knows the first).
     */
    private enum LockRowInsert {
        /** PostgreSQL: the later one does nothing, since any error would end the caller's transaction. */
        ON_CONFLICT(" ON CONFLICT (account_id, code_id) DO NOTHING"),
        /**
         * MariaDB, MySQL: the later one updates the row, which locks it at once; a duplicate-key error would leave it
         * a shared lock, and two such asking for the row next would deadlock.
         */
        ON_DUPLICATE_KEY(" ON DUPLICATE KEY UPDATE used_at = used_at"),
        /** H2 knows neither, and goes on after a failed statement: the duplicate key is caught. */
        PLAIN("");

        final String clause;

        LockRowInsert(String clause) {
            this.clause = clause;
        }
    }

    private LockRowInsert insertLockRow(String accountId) {
        LockRowInsert known = lockRowInsert;
        for (LockRowInsert form : known == null ? LockRowInsert.values() : new LockRowInsert[] {known}) {
            try {
                insertLockRow(LOCK_ROW_INSERT + form.clause, accountId, JdbcColumns.timestamp(Instant.now()));
            } catch (BadSqlGrammarException unknownHere) {
                if (known != null || form == LockRowInsert.PLAIN) {
                    throw unknownHere;
                }
                continue;
            } catch (DuplicateKeyException anotherReplacementWasFirst) {
                // committed by the other replacement (PLAIN only)
            }
            lockRowInsert = form;
            return form;
        }
        throw new IllegalStateException("unreachable: PLAIN either inserts or throws");
    }

    private void insertLockRow(String sql, String accountId, SqlTypeValue now) {
        jdbc.sql(sql)
                .param("accountId", accountId)
                .param("lock", SET_LOCK)
                .param("now", now)
                .update();
    }

    @Override
    public List<StoredRecoveryCode> findUnused(String accountId) {
        return jdbc.sql("SELECT code_id, code_hash, created_at FROM passkeys_recovery_code"
                        + " WHERE account_id = :accountId AND used_at IS NULL ORDER BY created_at, code_id")
                .param("accountId", accountId)
                .query((rs, row) -> new StoredRecoveryCode(
                        rs.getString("code_id"), rs.getString("code_hash"), JdbcColumns.instant(rs, "created_at")))
                .list();
    }

    @Override
    public int countUnused(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_recovery_code WHERE account_id = :accountId AND used_at IS NULL")
                .param("accountId", accountId)
                .query(Long.class)
                .single()
                .intValue();
    }

    @Override
    public boolean markUsed(String accountId, String codeId, Instant usedAt) {
        return jdbc.sql("UPDATE passkeys_recovery_code SET used_at = :usedAt"
                                + " WHERE account_id = :accountId AND code_id = :codeId AND used_at IS NULL")
                        .param("usedAt", JdbcColumns.timestamp(usedAt))
                        .param("accountId", accountId)
                        .param("codeId", codeId)
                        .update()
                == 1;
    }

    @Override
    public boolean markUnused(String accountId, String codeId, Instant usedAt) {
        return jdbc.sql("UPDATE passkeys_recovery_code SET used_at = NULL"
                                + " WHERE account_id = :accountId AND code_id = :codeId AND used_at = :usedAt")
                        .param("usedAt", JdbcColumns.timestamp(usedAt))
                        .param("accountId", accountId)
                        .param("codeId", codeId)
                        .update()
                == 1;
    }

    /**
     * The lock row first: a replacement under way for this account finishes before the rest is deleted, by a later
     * statement that then sees its codes (one statement could miss them on PostgreSQL, and lock rows in another order
     * than the replacement does).
     */
    @Override
    public void deleteAll(String accountId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM passkeys_recovery_code WHERE account_id = :accountId AND code_id = :lock")
                    .param("accountId", accountId)
                    .param("lock", SET_LOCK)
                    .update();
            jdbc.sql("DELETE FROM passkeys_recovery_code WHERE account_id = :accountId")
                    .param("accountId", accountId)
                    .update();
            clearFailures(accountId);
        });
    }

    @Override
    public RecoveryAttempts recordFailure(String key, Instant now, Duration keepFor) {
        Instant until = JdbcColumns.micros(now.plus(keepFor));
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            sweep(now);
        }
        while (true) {
            // The UPDATE holds the row until commit, so the SELECT after it reads this call's count.
            RecoveryAttempts counted = transactions.execute(status -> {
                int updated = jdbc.sql("UPDATE passkeys_recovery_attempt SET failures = CASE WHEN until_at < :now"
                                + " THEN 1 ELSE failures + 1 END, until_at = :until WHERE attempt_key = :key")
                        .param("now", JdbcColumns.timestamp(now))
                        .param("until", JdbcColumns.timestamp(until))
                        .param("key", key)
                        .update();
                return updated == 0 ? null : attempts(key).orElse(null);
            });
            if (counted != null) {
                return counted;
            }
            try {
                jdbc.sql("INSERT INTO passkeys_recovery_attempt (attempt_key, failures, until_at)"
                                + " VALUES (:key, 1, :until)")
                        .param("key", key)
                        .param("until", JdbcColumns.timestamp(until))
                        .update();
                return new RecoveryAttempts(1, until);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // counted by the UPDATE on the next round
            }
        }
    }

    @Override
    public Optional<RecoveryAttempts> attempts(String key) {
        return jdbc.sql("SELECT failures, until_at FROM passkeys_recovery_attempt WHERE attempt_key = :key")
                .param("key", key)
                .query((rs, row) -> new RecoveryAttempts(rs.getInt("failures"), JdbcColumns.instant(rs, "until_at")))
                .optional();
    }

    @Override
    public void clearFailures(String key) {
        jdbc.sql("DELETE FROM passkeys_recovery_attempt WHERE attempt_key = :key")
                .param("key", key)
                .update();
    }

    private void sweep(Instant now) {
        try {
            ExpiredRows.deleteBatch(
                    jdbc, "passkeys_recovery_attempt", "attempt_key", String.class, "until_at", now, SWEEP_BATCH);
        } catch (DataAccessException e) {
            log.debug("Sweeping expired recovery tries failed; the next sweep catches up", e);
        }
    }
}
