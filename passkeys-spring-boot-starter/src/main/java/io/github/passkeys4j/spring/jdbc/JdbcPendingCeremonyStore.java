package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.PendingCeremonyStore;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PendingCeremonyStore} in the {@code passkeys_pending_ceremony} table, shared by every application node:
 * one row per ceremony (its challenge, account id tag, expiry and the library's opaque state), so new ceremony
 * state never changes the table.
 *
 * <p>{@link #consume} reads the row and then deletes it; only the caller whose {@code DELETE} removed the row gets
 * the ceremony. Concurrent deletes of one row are serialized by the database's row lock, and the losers delete
 * nothing, so a challenge is consumed at most once: in autocommit mode or in a caller's READ COMMITTED transaction
 * the losers get an empty result; at stricter isolation their {@code DELETE} fails with an exception instead.
 * Rows are never updated in place ({@link #save} of a known challenge replaces the row), so what the winner read is
 * what it removed. Expiry times are kept to the microsecond (see {@link JdbcColumns}).
 */
public final class JdbcPendingCeremonyStore implements PendingCeremonyStore {

    private final JdbcClient jdbc;

    public JdbcPendingCeremonyStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcPendingCeremonyStore(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public void save(String key, Instant expiresAt, byte[] state, String accountId) {
        delete(key);
        jdbc.sql("INSERT INTO passkeys_pending_ceremony (challenge, account_id, expires_at, state)"
                        + " VALUES (:challenge, :accountId, :expiresAt, :state)")
                .param("challenge", key)
                .param("accountId", accountId, Types.VARCHAR)
                .param("expiresAt", JdbcColumns.timestamp(expiresAt))
                .param("state", state, Types.VARBINARY)
                .update();
    }

    @Override
    public Optional<byte[]> consume(String key) {
        Optional<byte[]> found = jdbc.sql("SELECT state FROM passkeys_pending_ceremony WHERE challenge = :challenge")
                .param("challenge", key)
                .query((rs, row) -> rs.getBytes("state"))
                .optional();
        return found.filter(state -> delete(key) == 1);
    }

    @Override
    public void removeByAccountId(String accountId) {
        jdbc.sql("DELETE FROM passkeys_pending_ceremony WHERE account_id = :accountId")
                .param("accountId", accountId)
                .update();
    }

    @Override
    public void removeExpired(Instant now) {
        jdbc.sql("DELETE FROM passkeys_pending_ceremony WHERE expires_at < :now")
                .param("now", JdbcColumns.timestamp(now))
                .update();
    }

    private int delete(String challenge) {
        return jdbc.sql("DELETE FROM passkeys_pending_ceremony WHERE challenge = :challenge")
                .param("challenge", challenge)
                .update();
    }
}
