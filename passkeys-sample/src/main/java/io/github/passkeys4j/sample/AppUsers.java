package io.github.passkeys4j.sample;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The {@code app_user} table through Spring's {@link JdbcClient}, and the app's {@link UserDetailsService}: the same
 * service loads the user of a password, HTTP Basic or passkey sign-in.
 */
@Repository
public class AppUsers implements UserDetailsService {

    private final JdbcClient jdbc;

    AppUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AcmeUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<AcmeUser> findByUsername(String username) {
        return find("username = ?", username);
    }

    public Optional<AcmeUser> findById(long id) {
        return find("id = ?", id);
    }

    private Optional<AcmeUser> find(String where, Object value) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM app_user WHERE " + where)
                .param(value)
                .query((rs, row) -> new AcmeUser(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        AcmeUser.Role.valueOf(rs.getString("role"))))
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Creates an account with role USER; {@code passwordHash} {@code null} for a passkey-only one.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the username is taken
     */
    public AcmeUser create(String username, String passwordHash) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, 'USER')")
                .params(username, passwordHash)
                .update(key, "id");
        return new AcmeUser(key.getKey().longValue(), username, passwordHash, AcmeUser.Role.USER);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when {@code newUsername} is taken */
    public boolean rename(long id, String newUsername) {
        return jdbc.sql("UPDATE app_user SET username = ? WHERE id = ?")
                        .params(newUsername, id)
                        .update()
                == 1;
    }

    /** Deletes the account; its notes go with it (ON DELETE CASCADE). */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update() == 1;
    }
}
