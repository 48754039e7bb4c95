package io.github.passkeys4j.sample;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the starter stored, straight from its {@code passkeys_*} tables in the app's DataSource (and the app's
 * own {@code app_user}), by credential ID and user handle: the columns the WebAuthn data itself names.
 */
public final class PasskeyTables {

    private final JdbcClient jdbc;

    public PasskeyTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many stored passkeys have this credential ID (base64url): 0 or 1. */
    public long passkeys(String credentialId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_credential WHERE credential_id = ?")
                .param(credentialId)
                .query(Long.class)
                .single();
    }

    /** The user handle a stored passkey belongs to. */
    public Optional<String> userHandleOf(String credentialId) {
        return jdbc.sql("SELECT user_handle FROM passkeys_credential WHERE credential_id = ?")
                .param(credentialId)
                .query(String.class)
                .optional();
    }

    /** The distinct user handles of these stored passkeys. */
    public List<String> userHandlesOf(Collection<String> credentialIds) {
        return jdbc.sql("SELECT DISTINCT user_handle FROM passkeys_credential WHERE credential_id IN (:ids)")
                .param("ids", credentialIds)
                .query(String.class)
                .list();
    }

    /** How many passkeys belong to this user handle. */
    public long passkeysOfUserHandle(String userHandle) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_credential WHERE user_handle = ?")
                .param(userHandle)
                .query(Long.class)
                .single();
    }

    /** How many rows of {@code passkeys_user} have this user handle: 0 or 1. */
    public long passkeyUsers(String userHandle) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_user WHERE user_handle = ?")
                .param(userHandle)
                .query(Long.class)
                .single();
    }

    /** The {@code passkeys_user} rows among these user handles. */
    public List<String> passkeyUsersAmong(Collection<String> userHandles) {
        return jdbc.sql("SELECT user_handle FROM passkeys_user WHERE user_handle IN (:handles)")
                .param("handles", userHandles)
                .query(String.class)
                .list();
    }

    /** Unfinished ceremonies started for this account id (the tag the store keeps with each ceremony). */
    public long pendingCeremonies(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys_pending_ceremony WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    /** The app's account, if any: its id and password hash ({@code null} for a passkey-only account). */
    public Optional<AppUserRow> appUser(String username) {
        return jdbc.sql("SELECT id, password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new AppUserRow(rs.getLong("id"), rs.getString("password_hash")))
                .optional();
    }

    /** A row of {@code app_user}. */
    public record AppUserRow(long id, String passwordHash) {}
}
