package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.Passkey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.github.passkeys4j.spring.jdbc.JdbcStorageTestSupport.T0;
import static io.github.passkeys4j.testing.PasskeyRepositoryContract.passkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upgrade path of a database that has upgrade files ({@code migration/<platform>/}, H2 and PostgreSQL, whose schema
 * went through six versions): each version's file makes what the schema file makes, and an upgraded database keeps
 * every row usable. A platform that started at the current version (MariaDB) has none yet.
 */
interface SchemaUpgradeContract extends SchemaInitializerContract {

    /** The migration files under {@code migration/<platform>/}, version 1 first. */
    List<String> MIGRATIONS = List.of(
            "V1__passkeys_tables.sql",
            "V2__passkeys_schema_version.sql",
            "V3__passkeys_sealed_challenges.sql",
            "V4__passkeys_recovery_codes.sql",
            "V5__passkeys_attestation_trusted.sql",
            "V6__passkeys_spent_challenge.sql");

    @Test
    default void anUpgradeFromVersionOneKeepsEveryRowUsable() {
        PasskeysTables.dropAll(jdbc());
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
        PasskeysTables.dropAll(jdbc());
        migrateTo(MIGRATIONS.size());
        List<String> migrated = catalog();
        PasskeysTables.dropAll(jdbc());
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
    default List<String> versionFiveWithUsedChallenges() {
        PasskeysTables.dropAll(jdbc());
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

    default void assertCarriedOver(List<String> live) {
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
                                + " FROM information_schema.columns WHERE LOWER(table_name) LIKE 'passkeys%'"
                                + " ORDER BY 1, 2",
                        (rs, row) -> rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getString(4) + " " + rs.getString(5)));
        for (String table : TABLES) {
            entries.add(table + " indexes "
                    + indexedColumns(table).stream().sorted().toList());
        }
        return entries;
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
}
