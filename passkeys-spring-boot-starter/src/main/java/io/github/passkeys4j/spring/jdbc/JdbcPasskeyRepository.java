package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A {@link PasskeyRepository} in the {@code passkeys_credential} table (see {@code schema-*.sql} in this package).
 * Every method is one SQL statement, so it needs no transaction of its own and joins the caller's when there is one.
 * Instants are kept to the microsecond (see {@link JdbcColumns}); transports are one comma-separated column.
 */
public final class JdbcPasskeyRepository implements PasskeyRepository {

    private static final String COLUMNS = "credential_id, user_handle, public_key, sign_count, aaguid, transports,"
            + " backup_eligible, backup_state, uv_initialized, created_at, last_used_at, name, enabled,"
            + " authenticator_attachment, discoverable, attestation_format, attestation_object, client_data_json,"
            + " attestation_trusted";

    private final JdbcClient jdbc;

    public JdbcPasskeyRepository(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcPasskeyRepository(JdbcOperations jdbc) {
        this(JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public void add(Passkey passkey) {
        try {
            bind(
                            jdbc.sql("INSERT INTO passkeys_credential (" + COLUMNS
                                    + ") VALUES (:credentialId, :userHandle,"
                                    + " :publicKey, :signCount, :aaguid, :transports, :backupEligible, :backupState, :uvInitialized,"
                                    + " :createdAt, :lastUsedAt, :name, :enabled, :authenticatorAttachment, :discoverable,"
                                    + " :attestationFormat, :attestationObject, :clientDataJson, :attestationTrusted)"),
                            passkey)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new PasskeyException(
                    PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED,
                    PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED.message(),
                    e);
        }
    }

    /** One compare-and-set statement: of two racing sign-ins with the same counter, one updates no row. */
    @Override
    public boolean recordUse(Passkey used, long expectedSignCount) {
        return jdbc.sql("UPDATE passkeys_credential SET sign_count = :signCount, backup_state = :backupState,"
                                + " uv_initialized = :uvInitialized, last_used_at = :lastUsedAt"
                                + " WHERE credential_id = :credentialId AND sign_count = :expectedSignCount"
                                + " AND enabled = TRUE")
                        .param("signCount", used.signCount())
                        .param("backupState", used.backupState())
                        .param("uvInitialized", used.uvInitialized())
                        .param("lastUsedAt", JdbcColumns.timestamp(used.lastUsedAt()))
                        .param("credentialId", used.credentialId())
                        .param("expectedSignCount", expectedSignCount)
                        .update()
                > 0;
    }

    /** Only the user's settings: a sign-in recorded meanwhile is kept. */
    @Override
    public boolean updateSettings(Passkey passkey) {
        return jdbc.sql("UPDATE passkeys_credential SET name = :name, enabled = :enabled"
                                + " WHERE credential_id = :credentialId")
                        .param("name", passkey.name())
                        .param("enabled", passkey.enabled())
                        .param("credentialId", passkey.credentialId())
                        .update()
                > 0;
    }

    @Override
    public Optional<Passkey> findByCredentialId(String credentialId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkeys_credential WHERE credential_id = :credentialId")
                .param("credentialId", credentialId)
                .query(JdbcPasskeyRepository::passkey)
                .optional();
    }

    @Override
    public boolean isEnabled(String credentialId, String userHandle) {
        // Two columns, not the row: this runs on every request of a passkey session (attestation can be kilobytes).
        return jdbc.sql("SELECT enabled FROM passkeys_credential WHERE credential_id = :credentialId"
                        + " AND user_handle = :userHandle")
                .param("credentialId", credentialId)
                .param("userHandle", userHandle)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    public List<Passkey> findByUserHandle(String userHandle) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkeys_credential WHERE user_handle = :userHandle"
                        + " ORDER BY created_at, credential_id")
                .param("userHandle", userHandle)
                .query(JdbcPasskeyRepository::passkey)
                .list();
    }

    @Override
    public boolean delete(String credentialId) {
        return jdbc.sql("DELETE FROM passkeys_credential WHERE credential_id = :credentialId")
                        .param("credentialId", credentialId)
                        .update()
                > 0;
    }

    @Override
    public int deleteByUserHandle(String userHandle) {
        return jdbc.sql("DELETE FROM passkeys_credential WHERE user_handle = :userHandle")
                .param("userHandle", userHandle)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Passkey passkey) {
        return statement
                .param("credentialId", passkey.credentialId())
                .param("userHandle", passkey.userHandle())
                .param("publicKey", passkey.publicKey())
                .param("signCount", passkey.signCount())
                .param("aaguid", passkey.aaguid())
                .param("transports", JdbcColumns.join(new TreeSet<>(passkey.transports())))
                .param("backupEligible", passkey.backupEligible())
                .param("backupState", passkey.backupState())
                .param("uvInitialized", passkey.uvInitialized())
                .param("createdAt", JdbcColumns.timestamp(passkey.createdAt()))
                .param("lastUsedAt", JdbcColumns.timestamp(passkey.lastUsedAt()))
                .param("name", passkey.name())
                .param("enabled", passkey.enabled())
                .param("authenticatorAttachment", passkey.authenticatorAttachment(), Types.VARCHAR)
                .param("discoverable", passkey.discoverable(), Types.BOOLEAN)
                .param("attestationFormat", passkey.attestationFormat(), Types.VARCHAR)
                .param("attestationObject", passkey.attestationObject(), Types.VARCHAR)
                .param("clientDataJson", passkey.clientDataJSON(), Types.VARCHAR)
                .param("attestationTrusted", passkey.attestationTrusted());
    }

    private static Passkey passkey(ResultSet rs, int row) throws SQLException {
        return Passkey.builder()
                .credentialId(rs.getString("credential_id"))
                .userHandle(rs.getString("user_handle"))
                .publicKey(rs.getString("public_key"))
                .signCount(rs.getLong("sign_count"))
                .aaguid(rs.getObject("aaguid", UUID.class))
                .transports(new HashSet<>(JdbcColumns.split(rs.getString("transports"))))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .createdAt(JdbcColumns.instant(rs, "created_at"))
                .lastUsedAt(JdbcColumns.instant(rs, "last_used_at"))
                .name(rs.getString("name"))
                .enabled(rs.getBoolean("enabled"))
                .authenticatorAttachment(rs.getString("authenticator_attachment"))
                .discoverable(rs.getObject("discoverable", Boolean.class))
                .attestationFormat(rs.getString("attestation_format"))
                .attestationObject(rs.getString("attestation_object"))
                .clientDataJSON(rs.getString("client_data_json"))
                .attestationTrusted(rs.getBoolean("attestation_trusted"))
                .build();
    }
}
