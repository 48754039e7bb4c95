package dev.passkeys.spring.jdbc;

import dev.passkeys.UserVerification;
import dev.passkeys.store.PasskeyUser;
import dev.passkeys.store.PendingCeremony;
import dev.passkeys.store.PendingCeremonyStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PendingCeremonyStore} in the {@code passkeys_pending_ceremony} table, shared by every application node.
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
    public void save(PendingCeremony ceremony) {
        delete(ceremony.challenge());
        PasskeyUser user = ceremony.user();
        jdbc.sql("INSERT INTO passkeys_pending_ceremony (challenge, ceremony_type, user_handle, account_id, username,"
                        + " display_name, allow_credential_ids, user_verification, expires_at) VALUES (:challenge,"
                        + " :type, :userHandle, :accountId, :username, :displayName, :allowCredentialIds,"
                        + " :userVerification, :expiresAt)")
                .param("challenge", ceremony.challenge())
                .param("type", ceremony.type().name())
                .param("userHandle", user == null ? null : user.userHandle(), Types.VARCHAR)
                .param("accountId", user == null ? null : user.accountId(), Types.VARCHAR)
                .param("username", user == null ? null : user.username(), Types.VARCHAR)
                .param("displayName", user == null ? null : user.displayName(), Types.VARCHAR)
                .param("allowCredentialIds", JdbcColumns.join(ceremony.allowCredentialIds()))
                .param("userVerification", ceremony.userVerification().name())
                .param("expiresAt", JdbcColumns.timestamp(ceremony.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    @Override
    public Optional<PendingCeremony> consume(String challenge) {
        Optional<PendingCeremony> found = jdbc.sql("SELECT challenge, ceremony_type, user_handle, account_id, username,"
                        + " display_name, allow_credential_ids, user_verification, expires_at"
                        + " FROM passkeys_pending_ceremony WHERE challenge = :challenge")
                .param("challenge", challenge)
                .query(JdbcPendingCeremonyStore::ceremony)
                .optional();
        return found.filter(ceremony -> delete(challenge) == 1);
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
                .param("now", JdbcColumns.timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    private int delete(String challenge) {
        return jdbc.sql("DELETE FROM passkeys_pending_ceremony WHERE challenge = :challenge")
                .param("challenge", challenge)
                .update();
    }

    private static PendingCeremony ceremony(ResultSet rs, int row) throws SQLException {
        String userHandle = rs.getString("user_handle");
        PasskeyUser user = userHandle == null ? null
                : PasskeyUser.builder().userHandle(userHandle).accountId(rs.getString("account_id"))
                        .username(rs.getString("username")).displayName(rs.getString("display_name")).build();
        return new PendingCeremony(
                rs.getString("challenge"),
                PendingCeremony.Type.valueOf(rs.getString("ceremony_type")),
                user,
                JdbcColumns.split(rs.getString("allow_credential_ids")),
                UserVerification.valueOf(rs.getString("user_verification")),
                JdbcColumns.instant(rs, "expires_at"));
    }
}
