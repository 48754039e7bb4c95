package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The demo with one of its database profiles on a real server: users from the profile's schema file and the starter's
 * passkey tables, through a password sign-up and sign-in, adding a passkey and signing back in with it, in Chromium.
 * The server is the one the test command starts; without it the test fails, never skips.
 */
abstract class DatabaseProfileTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    /** What the server's {@code SELECT version()} starts with or contains. */
    abstract String product();

    /**
     * The data source of the server the test command started: {@code PASSKEYS_TEST_<server>_URL}, {@code _USER},
     * {@code _PASSWORD} (user and password default to passkeys), as {@code scripts/<script>.sh} exports them.
     */
    static void server(DynamicPropertyRegistry registry, String server, String script) {
        String url = env("PASSKEYS_TEST_" + server + "_URL", null);
        if (url == null) {
            fail("This test needs the server scripts/" + script + ".sh starts and none is configured: run"
                    + " ./scripts/test.sh, or 'eval \"$(scripts/" + script + ".sh)\"' in the repository root, which"
                    + " sets PASSKEYS_TEST_" + server + "_URL.");
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> env("PASSKEYS_TEST_" + server + "_USER", "passkeys"));
        registry.add("spring.datasource.password", () -> env("PASSKEYS_TEST_" + server + "_PASSWORD", "passkeys"));
    }

    @Test
    void passwordUserAddsAPasskeyAndSignsInWithIt() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).contains(product());
        String username = Users.unique(product().substring(0, 2).toLowerCase());

        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey(product() + " laptop");
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
