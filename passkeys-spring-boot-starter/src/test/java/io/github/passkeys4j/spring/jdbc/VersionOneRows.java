package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.Passkey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.TreeSet;

/**
 * Writes a passkey the way the release before the version table did, into the tables migration V1 makes: today's
 * {@link JdbcPasskeyRepository} writes columns those tables lack, so upgrade tests store their old rows with this.
 */
public final class VersionOneRows {

    private VersionOneRows() {}

    public static void insert(JdbcTemplate jdbc, Passkey passkey) {
        jdbc.update(
                "INSERT INTO passkeys_credential (credential_id, user_handle, public_key, sign_count, aaguid,"
                        + " transports, backup_eligible, backup_state, uv_initialized, created_at, last_used_at, name,"
                        + " enabled, authenticator_attachment, discoverable, attestation_format, attestation_object,"
                        + " client_data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                passkey.credentialId(),
                passkey.userHandle(),
                passkey.publicKey(),
                passkey.signCount(),
                passkey.aaguid(),
                JdbcColumns.join(new TreeSet<>(passkey.transports())),
                passkey.backupEligible(),
                passkey.backupState(),
                passkey.uvInitialized(),
                JdbcColumns.timestamp(passkey.createdAt()),
                JdbcColumns.timestamp(passkey.lastUsedAt()),
                passkey.name(),
                passkey.enabled(),
                passkey.authenticatorAttachment(),
                passkey.discoverable(),
                passkey.attestationFormat(),
                passkey.attestationObject(),
                passkey.clientDataJSON());
    }
}
