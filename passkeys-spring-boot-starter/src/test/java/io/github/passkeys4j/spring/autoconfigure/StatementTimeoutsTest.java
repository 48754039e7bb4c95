package io.github.passkeys4j.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * passkeys.jdbc.query-timeout is set on every database but H2 (whose driver would run a SET per statement and make
 * every connection parse all statements again), and kept when the database cannot be asked what it is.
 */
class StatementTimeoutsTest {

    @Test
    void notOnH2() {
        assertThat(PasskeysJdbcConfiguration.statementTimeouts(new DriverManagerDataSource("jdbc:h2:mem:timeouts")))
                .isFalse();
    }

    @Test
    void onPostgreSql() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail("This test needs PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root first.");
        }
        assertThat(PasskeysJdbcConfiguration.statementTimeouts(new DriverManagerDataSource(
                        url, setting("PASSKEYS_TEST_POSTGRES_USER"), setting("PASSKEYS_TEST_POSTGRES_PASSWORD"))))
                .isTrue();
    }

    @Test
    void keptWhenTheDatabaseCannotBeReached() {
        assertThat(PasskeysJdbcConfiguration.statementTimeouts(
                        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2")))
                .isTrue();
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "passkeys" : value;
    }
}
