package io.github.passkeys4j.spring.web;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The same sign-ups on a real PostgreSQL server, where the losers of a race hit the app's primary key on
 * {@code users} and their whole transaction is rolled back: 409, never 500, and no orphan row.
 */
class SignUpPostgresHttpTest extends SignUpHttpTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SignUpPostgresHttpTest::url);
        registry.add("spring.datasource.username", () -> setting("PASSKEYS_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> setting("PASSKEYS_TEST_POSTGRES_PASSWORD"));
        registry.add("passkeys.jdbc.initialize-schema", () -> "always");
    }

    /** The database outlives test runs: start with no passkeys and no users of these tests. */
    @BeforeAll
    static void emptyTables() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url(), setting("PASSKEYS_TEST_POSTGRES_USER"), setting("PASSKEYS_TEST_POSTGRES_PASSWORD")));
        for (String table : new String[] {
            "passkeys_credential", "passkeys_user", "passkeys_pending_ceremony", "authorities", "users"
        }) {
            jdbc.execute("DO $$ BEGIN IF to_regclass('" + table + "') IS NOT NULL THEN DELETE FROM " + table
                    + "; END IF; END $$");
        }
    }

    private static String url() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail("This test needs PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root first"
                    + " (./scripts/test.sh does).");
        }
        return url;
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "passkeys" : value;
    }
}
