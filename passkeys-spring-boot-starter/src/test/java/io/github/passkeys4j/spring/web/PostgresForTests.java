package io.github.passkeys4j.spring.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real PostgreSQL server of the HTTP tests that need one (started by {@code scripts/postgres.sh}, found through
 * {@code PASSKEYS_TEST_POSTGRES_URL}); without it they fail, never skip.
 */
final class PostgresForTests {

    private PostgresForTests() {}

    static String url() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail("This test needs PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root first"
                    + " (./scripts/test.sh does).");
        }
        return url;
    }

    static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "passkeys" : value;
    }

    /** Spring Boot properties for an app on this server, the schema created at start-up. */
    static Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url", url(),
                "spring.datasource.username", setting("PASSKEYS_TEST_POSTGRES_USER"),
                "spring.datasource.password", setting("PASSKEYS_TEST_POSTGRES_PASSWORD"),
                "passkeys.jdbc.initialize-schema", "always");
    }

    static JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(
                url(), setting("PASSKEYS_TEST_POSTGRES_USER"), setting("PASSKEYS_TEST_POSTGRES_PASSWORD")));
    }

    /** Tests start from empty passkeys tables (the database outlives test runs). */
    static void emptyTables() {
        JdbcTemplate jdbc = jdbc();
        for (String table : new String[] {"passkeys_credential", "passkeys_user", "passkeys_pending_ceremony"}) {
            jdbc.execute("DO $$ BEGIN IF to_regclass('" + table + "') IS NOT NULL THEN DELETE FROM " + table
                    + "; END IF; END $$");
        }
    }
}
