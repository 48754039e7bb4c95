package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.Passkey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static io.github.passkeys4j.spring.jdbc.JdbcStorageTestSupport.T0;
import static io.github.passkeys4j.testing.PasskeyRepositoryContract.passkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every database must do for {@link PasskeysJdbcSchemaInitializer} and the schema file it runs. */
interface SchemaInitializerContract {

    /** Every table of the schema, in the order they can be dropped. */
    List<String> TABLES = PasskeysTables.ALL;

    /** The migration files under {@code migration/<platform>/}, version 1 first. */
    List<String> MIGRATIONS = List.of(
            "V1__passkeys_tables.sql",
            "V2__passkeys_schema_version.sql",
            "V3__passkeys_sealed_challenges.sql",
            "V4__passkeys_recovery_codes.sql",
            "V5__passkeys_attestation_trusted.sql",
            "V6__passkeys_spent_challenge.sql");

    DataSource dataSource();

    JdbcTemplate jdbc();

    JdbcPasskeyRepository passkeys();

    /** The platform name of this database's schema file. */
    String platform();

    /** Whether Spring Boot counts this database as embedded (so EMBEDDED mode initializes it). */
    boolean embedded();

    @Test
    default void runningTheSchemaAgainIsHarmlessAndKeepsTheData() {
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", T0));

        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                        .initializeDatabase())
                .isTrue();
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS, platform())
                        .initializeDatabase())
                .isTrue();

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(passkey("Y3JlZC0x", "dXNlci0x", T0));
    }

    @Test
    default void modeDecidesWhetherTheScriptsRun() {
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.NEVER)
                        .initializeDatabase())
                .isFalse();
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.EMBEDDED)
                        .initializeDatabase())
                .isEqualTo(embedded());
    }

    @Test
    default void aPlatformWithoutSchemaFileIsAClearError() {
        assertThatThrownBy(() ->
                        new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS, "oracle"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema-oracle.sql")
                .hasMessageContaining("never");
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.NEVER, "oracle")
                        .initializeDatabase())
                .isFalse();
    }

    @Test
    default void tablesHaveNamedConstraints() {
        List<String> constraints = jdbc()
                .queryForList(
                        "SELECT constraint_name"
                                + " FROM information_schema.table_constraints WHERE LOWER(table_name) LIKE 'passkeys\\_%'"
                                + " ESCAPE '\\' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')",
                        String.class)
                .stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();

        assertThat(constraints)
                .containsExactlyInAnyOrder(
                        "passkeys_credential_pk",
                        "passkeys_user_pk",
                        "passkeys_user_account_id_uk",
                        "passkeys_pending_ceremony_pk",
                        "passkeys_schema_version_pk",
                        "passkeys_spent_challenge_pk",
                        "passkeys_challenge_key_pk",
                        "passkeys_recovery_code_pk",
                        "passkeys_recovery_attempt_pk");
    }

    @Test
    default void theSchemaRecordsItsVersion() {
        assertThat(jdbc().queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    default void anUpgradeFromVersionOneKeepsEveryRowUsable() {
        dropTables();
        migrateTo(1);
        VersionOneRows.insert(jdbc(), passkey("Y3JlZC0x", "dXNlci0x", T0));

        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                        .initializeDatabase())
                .isTrue();

        // Stored before version 5: never said to be verified by a trusted root.
        Passkey old = passkey("Y3JlZC0x", "dXNlci0x", T0).toBuilder()
                .attestationTrusted(false)
                .build();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(old);
        Passkey used = old.usedAt(T0.plusSeconds(60), 43, true, true);
        assertThat(passkeys().recordUse(used, old.signCount())).isTrue();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(used);
        assertThat(jdbc().queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    default void theMigrationFilesMakeWhatTheSchemaFileMakes() throws SQLException {
        dropTables();
        migrateTo(MIGRATIONS.size());
        List<String> migrated = catalog();
        dropTables();
        new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS).initializeDatabase();

        assertThat(migrated)
                .as(
                        "every change to schema-%s.sql needs a file under migration/%s/ and a version row",
                        platform(), platform())
                .isNotEmpty()
                .isEqualTo(catalog());
    }

    /**
     * V6 carries the version-3 table's live rows over, under the id the store computes in Java (ids of either sign
     * among them): a challenge used before the upgrade stays used after it; an expired one is left behind with the
     * old table. Running V6 again changes nothing.
     */
    @Test
    default void versionSixKeepsChallengesUsedBeforeTheUpgradeUsed() {
        List<String> live = versionFiveWithUsedChallenges();

        runMigration(6);
        runMigration(6);

        assertCarriedOver(live);
    }

    /** {@code initialize-schema=always} on a version-5 database does what V6 does, and again harmlessly. */
    @Test
    default void theSchemaFileUpgradesAVersionFiveDatabaseKeepingUsedChallengesUsed() {
        List<String> live = versionFiveWithUsedChallenges();

        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                        .initializeDatabase())
                .isTrue();
        new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS).initializeDatabase();

        assertCarriedOver(live);
        assertThat(jdbc().queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    /**
     * Tables as version 5 made them, with 64 live used challenges (keys as the library makes them: base64url
     * SHA-256) and one expired ({@code "expired"}); returns the live keys.
     */
    private List<String> versionFiveWithUsedChallenges() {
        dropTables();
        migrateTo(5);
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            live.add(Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(sha256(("challenge-" + i).getBytes(StandardCharsets.US_ASCII))));
        }
        assertThat(live.stream().map(JdbcUsedChallengeStore::id))
                .as("ids of both signs, so the SQL's signed conversion is checked too")
                .anyMatch(id -> id < 0)
                .anyMatch(id -> id > 0);
        for (String key : live) {
            jdbc().update(
                            "INSERT INTO passkeys_used_challenge (challenge_hash, expires_at)"
                                    + " VALUES (?, CURRENT_TIMESTAMP + INTERVAL '5' MINUTE)",
                            key);
        }
        jdbc().update("INSERT INTO passkeys_used_challenge (challenge_hash, expires_at)"
                + " VALUES ('expired', CURRENT_TIMESTAMP - INTERVAL '1' MINUTE)");
        return live;
    }

    private void assertCarriedOver(List<String> live) {
        JdbcUsedChallengeStore used = new JdbcUsedChallengeStore(jdbc());
        assertThat(live).allSatisfy(key -> assertThat(used.isUsed(key)).as(key).isTrue());
        assertThat(used.markUsed(live.get(0), Instant.now().plusSeconds(300))).isFalse();
        assertThat(used.isUsed("expired")).isFalse();
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM passkeys_spent_challenge", Long.class))
                .isEqualTo(live.size());
        assertThatThrownBy(() -> jdbc().queryForObject("SELECT COUNT(*) FROM passkeys_used_challenge", Long.class))
                .as("the version-3 table is gone")
                .isInstanceOf(DataAccessException.class);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column (type, size, nullability) and index of the passkeys tables, in one comparable list. */
    private List<String> catalog() throws SQLException {
        List<String> entries = new ArrayList<>(jdbc().query(
                        "SELECT LOWER(table_name), LOWER(column_name), data_type, is_nullable, character_maximum_length"
                                + " FROM information_schema.columns WHERE LOWER(table_name) LIKE 'passkeys\\_%' ESCAPE '\\'"
                                + " ORDER BY 1, 2",
                        (rs, row) -> rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getString(4) + " " + rs.getString(5)));
        for (String table : TABLES) {
            entries.add(table + " indexes "
                    + indexedColumns(table).stream().sorted().toList());
        }
        return entries;
    }

    private void dropTables() {
        PasskeysTables.dropAll(jdbc());
    }

    /** Runs the migration files of versions 1 to {@code version}, in order. */
    private void migrateTo(int version) {
        for (int v = 1; v <= version; v++) {
            runMigration(v);
        }
    }

    /** Runs the migration file of {@code version}. */
    private void runMigration(int version) {
        String location = "classpath:io/github/passkeys4j/spring/jdbc/migration/" + platform() + "/"
                + MIGRATIONS.get(version - 1);
        new ResourceDatabasePopulator(new DefaultResourceLoader().getResource(location)).execute(dataSource());
    }

    @Test
    default void everyLookupColumnIsIndexed() throws SQLException {
        assertThat(indexedColumns("passkeys_credential")).contains("credential_id", "user_handle");
        assertThat(indexedColumns("passkeys_user")).contains("user_handle", "username");
        assertThat(indexedColumns("passkeys_pending_ceremony")).contains("challenge", "expires_at");
        assertThat(indexedColumns("passkeys_spent_challenge")).contains("challenge_id", "expires_at");
    }

    /** The first column of every index on the table. */
    private List<String> indexedColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
                while (indexes.next()) {
                    if (indexes.getShort("ORDINAL_POSITION") == 1) {
                        columns.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
