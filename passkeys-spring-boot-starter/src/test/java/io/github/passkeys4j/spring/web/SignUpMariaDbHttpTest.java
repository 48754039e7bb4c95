package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.store.StorageTransaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The same sign-ups on a real MariaDB server, with the starter's auto-configuration: the schema created at start-up
 * from schema-mariadb.sql (the platform told by the driver), the starter's transactions at READ COMMITTED, and the
 * racing sign-ups for one name making one account and 409s, never a deadlock's 500.
 */
class SignUpMariaDbHttpTest extends SignUpHttpTest {

    @Autowired
    StorageTransaction storageTransaction;

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SignUpMariaDbHttpTest::url);
        registry.add("spring.datasource.username", () -> setting("PASSKEYS_TEST_MARIADB_USER"));
        registry.add("spring.datasource.password", () -> setting("PASSKEYS_TEST_MARIADB_PASSWORD"));
        registry.add("passkeys.jdbc.initialize-schema", () -> "always");
    }

    /** The database outlives test runs: start with no passkeys and no users of these tests. */
    @BeforeAll
    static void emptyTables() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url(), setting("PASSKEYS_TEST_MARIADB_USER"), setting("PASSKEYS_TEST_MARIADB_PASSWORD")));
        for (String table : new String[] {
            "passkeys_credential", "passkeys_user", "passkeys_pending_ceremony", "authorities", "users"
        }) {
            if (jdbc.queryForObject(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                                    + " AND table_name = ?",
                            Integer.class,
                            table)
                    > 0) {
                jdbc.execute("DELETE FROM " + table);
            }
        }
    }

    /** The starter's transactions run at READ COMMITTED on MariaDB, whatever the server's default. */
    @Test
    void theStartersTransactionsReadCommittedOnMariaDb() {
        assertThat(jdbc.queryForObject("SELECT @@global.tx_isolation", String.class))
                .as("the server's default")
                .isEqualTo("REPEATABLE-READ");
        assertThat(storageTransaction.runForAccount(
                        "isolation", () -> jdbc.queryForObject("SELECT @@tx_isolation", String.class)))
                .isEqualTo("READ-COMMITTED");
        assertThat(jdbc.queryForObject("SELECT @@tx_isolation", String.class))
                .as("the connection given back to the pool as it was")
                .isEqualTo("REPEATABLE-READ");
    }

    private static String url() {
        String url = System.getenv("PASSKEYS_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            fail("This test needs MariaDB: run 'eval \"$(scripts/mariadb.sh)\"' in the repository root first"
                    + " (./scripts/test.sh does).");
        }
        return url;
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "passkeys" : value;
    }
}
