package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PasskeyUserRepository} in the {@code passkeys_user} table. The user handle is the primary key and the
 * account id is unique, so of two first registrations of one account racing on any number of nodes the database lets
 * exactly one {@link #create} through.
 */
public final class JdbcPasskeyUserRepository implements PasskeyUserRepository {

    private static final String SELECT =
            "SELECT user_handle, account_id, username, display_name, not_before FROM passkeys_user";

    private final JdbcClient jdbc;

    public JdbcPasskeyUserRepository(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcPasskeyUserRepository(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public Optional<PasskeyUser> findByAccountId(String accountId) {
        return jdbc.sql(SELECT + " WHERE account_id = :accountId")
                .param("accountId", accountId)
                .query(JdbcPasskeyUserRepository::user)
                .optional();
    }

    @Override
    public Optional<PasskeyUser> findByUserHandle(String userHandle) {
        return jdbc.sql(SELECT + " WHERE user_handle = :userHandle")
                .param("userHandle", userHandle)
                .query(JdbcPasskeyUserRepository::user)
                .optional();
    }

    @Override
    public List<PasskeyUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :username ORDER BY account_id")
                .param("username", username)
                .query(JdbcPasskeyUserRepository::user)
                .list();
    }

    /**
     * One INSERT; a unique-constraint violation (the account or the handle exists) answers {@code false}. On
     * PostgreSQL the violation also aborts the caller's transaction, which the library then rolls back.
     */
    @Override
    public boolean create(PasskeyUser user) {
        return write(
                "INSERT INTO passkeys_user (user_handle, account_id, username, display_name, not_before)"
                        + " VALUES (:userHandle, :accountId, :username, :displayName, :notBefore)",
                user);
    }

    @Override
    public boolean update(PasskeyUser user) {
        return write(
                "UPDATE passkeys_user SET account_id = :accountId, username = :username,"
                        + " display_name = :displayName, not_before = :notBefore WHERE user_handle = :userHandle",
                user);
    }

    /**
     * One row written, or {@code false} when none was or a unique constraint refused it; run again when chosen to end
     * a deadlock of racing inserts ({@link Deadlocks}), so that a racer learns of the duplicate rather than failing.
     */
    private boolean write(String sql, PasskeyUser user) {
        return Deadlocks.retried(() -> writeOnce(sql, user));
    }

    private boolean writeOnce(String sql, PasskeyUser user) {
        try {
            return jdbc.sql(sql)
                            .param("userHandle", user.userHandle())
                            .param("accountId", user.accountId())
                            .param("username", user.username())
                            .param("displayName", user.displayName())
                            .param("notBefore", JdbcColumns.timestamp(user.notBefore()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String userHandle) {
        return jdbc.sql("DELETE FROM passkeys_user WHERE user_handle = :userHandle")
                        .param("userHandle", userHandle)
                        .update()
                > 0;
    }

    private static PasskeyUser user(ResultSet rs, int row) throws SQLException {
        return PasskeyUser.builder()
                .userHandle(rs.getString("user_handle"))
                .accountId(rs.getString("account_id"))
                .username(rs.getString("username"))
                .displayName(rs.getString("display_name"))
                .notBefore(JdbcColumns.instant(rs, "not_before"))
                .build();
    }
}
