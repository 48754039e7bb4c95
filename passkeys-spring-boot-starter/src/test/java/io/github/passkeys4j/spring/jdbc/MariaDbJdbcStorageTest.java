package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.PasskeyUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The JDBC storage on a real MariaDB server: every storage contract of {@code passkeys-test}, the account races with
 * InnoDB's row locks, the schema file, and what MariaDB does differently (no time-zone type, case-insensitive
 * default collations, primary keys all named {@code PRIMARY}). It needs a server: run {@code eval
 * "$(scripts/mariadb.sh)"} from the repository root first, or point {@code -Dpasskeys.test.mariadb.url} /
 * {@code PASSKEYS_TEST_MARIADB_URL} at another (user and password {@code passkeys} unless
 * {@code PASSKEYS_TEST_MARIADB_USER} / {@code _PASSWORD} say otherwise). Without one the tests fail; never skipped.
 */
class MariaDbJdbcStorageTest extends JdbcStorageTestSupport implements JdbcColumnsContract, SchemaInitializerContract {

    @Override
    HikariDataSource createDataSource() {
        String url = setting("passkeys.test.mariadb.url", "PASSKEYS_TEST_MARIADB_URL", null);
        if (url == null) {
            fail("The MariaDB storage tests need a MariaDB server and none is configured. Start one with"
                    + " 'eval \"$(scripts/mariadb.sh)\"' in the repository root (it sets PASSKEYS_TEST_MARIADB_URL),"
                    + " or set -Dpasskeys.test.mariadb.url=jdbc:mariadb://host:port/db"
                    + " (PASSKEYS_TEST_MARIADB_USER and _PASSWORD default to passkeys).");
        }
        return pool(
                url,
                setting("passkeys.test.mariadb.user", "PASSKEYS_TEST_MARIADB_USER", "passkeys"),
                setting("passkeys.test.mariadb.password", "PASSKEYS_TEST_MARIADB_PASSWORD", "passkeys"));
    }

    @Override
    DatabaseInitializationMode initializationMode() {
        return DatabaseInitializationMode.ALWAYS;
    }

    @Override
    public String platform() {
        return "mariadb";
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public boolean namesPrimaryKeys() {
        return false;
    }

    /** The platform is told by the driver: the schema file is found without naming it. */
    @Test
    void thePlatformIsDetectedAndTheSchemaNeedsNoUpgradeFilesYet() {
        assertThat(new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                        .initializeDatabase())
                .isTrue();
        assertThat(getClass().getResource("/io/github/passkeys4j/spring/jdbc/schema-mariadb.sql"))
                .isNotNull();
        assertThat(getClass().getResource("/io/github/passkeys4j/spring/jdbc/migration/mariadb"))
                .as("MariaDB started at version 6: nothing to upgrade from yet")
                .isNull();
    }

    /**
     * Nodes starting at the same instant on an empty database all start, with the whole schema: MariaDB's metadata
     * locks make each {@code CREATE TABLE IF NOT EXISTS} one node's, and {@code INSERT IGNORE} records each version
     * once.
     */
    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllStart() throws Exception {
        List<String> tables = jdbc().queryForList(
                        "SELECT table_name FROM information_schema.tables"
                                + " WHERE table_schema = DATABASE() AND table_name LIKE 'passkeys%'",
                        String.class);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(8);
        jdbc().execute((java.sql.Connection c) -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : tables) {
                    statement.execute("DROP TABLE " + table);
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            return null;
        });
        startTogether(6);
        assertThat(jdbc().queryForList(
                                "SELECT table_name FROM information_schema.tables"
                                        + " WHERE table_schema = DATABASE() AND table_name LIKE 'passkeys%'",
                                String.class))
                .containsExactlyInAnyOrderElementsOf(tables);
        assertThat(jdbc().queryForList("SELECT version FROM passkeys_schema_version ORDER BY version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    /**
     * Names and ids compare byte for byte, trailing spaces included, whatever the database's default collation
     * (MariaDB's usual ones ignore case, accents and trailing spaces; scripts/mariadb.sh keeps the distribution's):
     * "Alice", "álice" and "alice " are not "alice", so no lookup lands in another account.
     */
    @Test
    void everyTextColumnComparesByteForByte() {
        List<String> collations = jdbc().queryForList(
                        "SELECT CONCAT(table_name, '.', column_name, ' ', collation_name) FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND table_name LIKE 'passkeys%'"
                                + " AND collation_name IS NOT NULL ORDER BY 1",
                        String.class);
        assertThat(collations)
                .hasSizeGreaterThan(20)
                .allMatch(c -> c.endsWith(" utf8mb4_nopad_bin") || c.endsWith(" ascii_nopad_bin"));

        users().create(PasskeyUser.startingAfresh("acct-1", "alice", T0));

        assertThat(users().findByUsername("Alice")).isEmpty();
        assertThat(users().findByUsername("álice")).isEmpty();
        assertThat(users().findByUsername("alice ")).isEmpty();
        assertThat(users().findByAccountId("ACCT-1")).isEmpty();
        assertThat(users().findByAccountId("acct-1 ")).isEmpty();
        assertThat(users().create(PasskeyUser.startingAfresh("acct-1 ", "alice", T0)))
                .as("another account id, not a duplicate of acct-1")
                .isTrue();
        assertThat(users().findByUsername("alice")).hasSize(2);
    }
}
