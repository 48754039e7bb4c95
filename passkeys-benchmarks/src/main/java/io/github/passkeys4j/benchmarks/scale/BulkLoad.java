package io.github.passkeys4j.benchmarks.scale;

import io.github.passkeys4j.spring.jdbc.PasskeysJdbcSchemaInitializer;
import io.github.passkeys4j.store.Passkey;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database side of the scale benchmark: a fresh schema from our own schema file, bulk rows made by
 * {@code INSERT … SELECT generate_series} (one statement per table per stage), and relation sizes.
 *
 * <p>Bulk passkey {@code i} belongs to bulk account {@code i / perAccount} ({@code bulk-<j>}, username the same);
 * ids and user handles are base64url SHA-256 / SHA-512 digests of the index, as long as real ones, so rows and index
 * entries have a real passkey's size and spread. Every bulk row repeats one real passkey's COSE public key: nobody
 * signs with them, they are the haystack.
 */
final class BulkLoad {

    static final List<String> TABLES =
            List.of("passkeys_credential", "passkeys_user", "passkeys_pending_ceremony", "passkeys_spent_challenge");

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    BulkLoad(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Drops our tables and creates them again with schema-postgresql.sql, as the starter does at start-up. */
    void freshSchema() {
        for (String table : List.of(
                "passkeys_credential",
                "passkeys_user",
                "passkeys_pending_ceremony",
                "passkeys_spent_challenge",
                "passkeys_used_challenge",
                "passkeys_challenge_key",
                "passkeys_recovery_code",
                "passkeys_recovery_attempt",
                "passkeys_schema_version")) {
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
        }
        new PasskeysJdbcSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS, "postgresql")
                .initializeDatabase();
    }

    /** Bulk passkeys {@code from} (inclusive) to {@code to} (exclusive), with their accounts. */
    void passkeys(long from, long to, int perAccount, Passkey template) {
        if (to <= from) {
            return;
        }
        jdbc.sql("INSERT INTO passkeys_user (user_handle, account_id, username, display_name)"
                        + " SELECT " + b64("sha512(('u' || j)::bytea)") + ", 'bulk-' || j, 'bulk-' || j,"
                        + " 'Bulk user ' || j FROM generate_series(:first, :last) AS j ON CONFLICT DO NOTHING")
                .param("first", from / perAccount)
                .param("last", (to - 1) / perAccount)
                .update();
        jdbc.sql("INSERT INTO passkeys_credential (credential_id, user_handle, public_key, sign_count, aaguid,"
                        + " transports, backup_eligible, backup_state, uv_initialized, created_at, name, enabled,"
                        + " authenticator_attachment, discoverable, attestation_format, attestation_trusted)"
                        + " SELECT " + b64("sha256(('c' || i)::bytea)") + ", "
                        + b64("sha512(('u' || (i / :perAccount))::bytea)")
                        + ", :publicKey, 0, :aaguid, 'hybrid,internal', TRUE, TRUE, TRUE,"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + i * INTERVAL '1 second',"
                        + " :name, TRUE, 'platform', TRUE, 'none', FALSE FROM generate_series(:first, :last) AS i")
                .param("perAccount", (long) perAccount)
                .param("publicKey", template.publicKey())
                .param("aaguid", template.aaguid())
                .param("name", template.name())
                .param("first", from)
                .param("last", to - 1)
                .update();
    }

    /** {@code count} copies of the existing rows' states under fresh challenges (same lengths as real ones). */
    void copyPendingCeremonies(long count) {
        jdbc.sql("INSERT INTO passkeys_pending_ceremony (challenge, account_id, expires_at, state)"
                        + " WITH made AS (SELECT row_number() OVER () - 1 AS k, account_id, expires_at, state"
                        + " FROM passkeys_pending_ceremony)"
                        + " SELECT " + b64("sha256(('p' || n)::bytea)") + ", made.account_id, made.expires_at,"
                        + " made.state FROM generate_series(1, :count) AS n"
                        + " JOIN made ON made.k = n % (SELECT COUNT(*) FROM made)")
                .param("count", count)
                .update();
    }

    /** {@code count} used-challenge rows like the ones sign-ins leave (a SHA-256 key, an expiry). */
    void usedChallenges(long count) {
        jdbc.sql("INSERT INTO passkeys_spent_challenge (challenge_id, expires_at) SELECT "
                        + "('x' || encode(substr(sha256(('x' || n)::bytea), 1, 8), 'hex'))::bit(64)::bigint,"
                        + " CURRENT_TIMESTAMP + INTERVAL '10 minutes'"
                        + " FROM generate_series(1, :count) AS n ON CONFLICT DO NOTHING")
                .param("count", count)
                .update();
    }

    void vacuumAnalyze() {
        jdbc.sql("VACUUM ANALYZE").update();
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Per table: rows, heap (table, TOAST included) and index bytes. */
    List<Size> sizes() {
        List<Size> sizes = new ArrayList<>();
        for (String table : TABLES) {
            Map<String, Object> row = jdbc.sql("SELECT pg_table_size(:t::regclass) AS heap,"
                            + " pg_indexes_size(:t::regclass) AS indexes,"
                            + " pg_total_relation_size(:t::regclass) AS total")
                    .param("t", table)
                    .query()
                    .singleRow();
            sizes.add(new Size(
                    table,
                    rows(table),
                    ((Number) row.get("heap")).longValue(),
                    ((Number) row.get("indexes")).longValue(),
                    ((Number) row.get("total")).longValue()));
        }
        return sizes;
    }

    String serverVersion() {
        return jdbc.sql("SHOW server_version").query(String.class).single() + ", shared_buffers "
                + jdbc.sql("SHOW shared_buffers").query(String.class).single();
    }

    /** base64url without padding of a bytea expression, as the library writes ids and handles. */
    private static String b64(String bytes) {
        return "rtrim(translate(encode(" + bytes + ", 'base64'), E'+/\\n', '-_'), '=')";
    }

    record Size(String table, long rows, long heap, long indexes, long total) {}
}
