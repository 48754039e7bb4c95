package dev.passkeys.spring.jdbc;

import dev.passkeys.store.PasskeyUser;
import dev.passkeys.store.PasskeyUserRepository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PasskeyUserRepository} in the {@code passkeys_user} table. A username belongs to one user handle (a unique
 * constraint): saving a user whose username another handle already has throws {@link IllegalStateException}, as the
 * in-memory repository does, and changes nothing.
 */
public final class JdbcPasskeyUserRepository implements PasskeyUserRepository {

    private static final String SELECT = "SELECT user_handle, username, display_name FROM passkeys_user";

    private final JdbcClient jdbc;

    public JdbcPasskeyUserRepository(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcPasskeyUserRepository(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public Optional<PasskeyUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE username = :username")
                .param("username", username)
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

    /**
     * Updates the row of the user handle, or inserts one when there is none. When the insert hits a unique
     * constraint, either another thread has just inserted this user handle (then the update is retried) or the
     * username belongs to another user handle.
     */
    @Override
    public void save(PasskeyUser user) {
        try {
            if (update(user) > 0) {
                return;
            }
            try {
                jdbc.sql("INSERT INTO passkeys_user (user_handle, username, display_name)"
                                + " VALUES (:userHandle, :username, :displayName)")
                        .param("userHandle", user.userHandle())
                        .param("username", user.username())
                        .param("displayName", user.displayName())
                        .update();
            } catch (DuplicateKeyException e) {
                if (update(user) == 0) {
                    throw e;
                }
            }
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("username already has another user handle", e);
        }
    }

    private int update(PasskeyUser user) {
        return jdbc.sql("UPDATE passkeys_user SET username = :username, display_name = :displayName"
                        + " WHERE user_handle = :userHandle")
                .param("userHandle", user.userHandle())
                .param("username", user.username())
                .param("displayName", user.displayName())
                .update();
    }

    private static PasskeyUser user(ResultSet rs, int row) throws SQLException {
        return new PasskeyUser(rs.getString("user_handle"), rs.getString("username"), rs.getString("display_name"));
    }
}
