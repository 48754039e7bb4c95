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
 * The demo with its {@code mariadb} profile on a real MariaDB server: users from schema-mariadb.sql and the starter's
 * passkey tables, through a password sign-in, adding a passkey and signing back in with it, in Chromium. It needs a
 * server: run {@code ./scripts/test.sh}, or {@code eval "$(scripts/mariadb.sh)"} first (it sets
 * {@code PASSKEYS_TEST_MARIADB_URL}). Without one the test fails; it is never skipped.
 */
@ActiveProfiles("mariadb")
class MariaDbProfileTest extends BrowserTest {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) {
        String url = System.getenv("PASSKEYS_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            fail(
                    "MariaDbProfileTest needs a MariaDB server and none is configured: run ./scripts/test.sh, or"
                            + " 'eval \"$(scripts/mariadb.sh)\"' in the repository root, which sets PASSKEYS_TEST_MARIADB_URL.");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> env("PASSKEYS_TEST_MARIADB_USER", "passkeys"));
        registry.add("spring.datasource.password", () -> env("PASSKEYS_TEST_MARIADB_PASSWORD", "passkeys"));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void passwordUserAddsAPasskeyAndSignsInWithItOnMariaDb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        String username = Users.unique("maria");

        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("MariaDB laptop");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = ?", Integer.class, username))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_credential c JOIN passkeys_user u ON c.user_handle = u.user_handle"
                                + " WHERE u.username = ?",
                        Integer.class,
                        username))
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
