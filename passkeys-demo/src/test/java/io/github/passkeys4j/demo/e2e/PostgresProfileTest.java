package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The demo with its {@code postgres} profile on a real PostgreSQL server: users from schema-postgresql.sql and the
 * starter's passkey tables, through a password sign-in, adding a passkey and signing back in with it. It needs a
 * server: run {@code ./scripts/test.sh}, or {@code eval "$(scripts/postgres.sh)"} first (it sets
 * {@code PASSKEYS_TEST_POSTGRES_URL}). Without one the test fails; it is never skipped.
 */
@ActiveProfiles("postgres")
class PostgresProfileTest extends BrowserTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail(
                    "PostgresProfileTest needs a PostgreSQL server and none is configured: run ./scripts/test.sh, or"
                            + " 'eval \"$(scripts/postgres.sh)\"' in the repository root, which sets PASSKEYS_TEST_POSTGRES_URL.");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> env("PASSKEYS_TEST_POSTGRES_USER", "passkeys"));
        registry.add("spring.datasource.password", () -> env("PASSKEYS_TEST_POSTGRES_PASSWORD", "passkeys"));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void passwordUserAddsAPasskeyAndSignsInWithItOnPostgres() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        String username = Users.unique("pg");

        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Postgres laptop");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = ?", Integer.class, username))
                .isEqualTo(1);

        LoginPage login = HomePage.open(browser).signOut();
        HomePage home = login.signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
