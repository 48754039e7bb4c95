package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The JDBC storage on a real PostgreSQL server. It needs one: run {@code eval "$(scripts/postgres.sh)"} from the
 * repository root first, or point {@code -Dpasskeys.test.postgres.url} / {@code PASSKEYS_TEST_POSTGRES_URL} at
 * another (user and password {@code passkeys} unless {@code PASSKEYS_TEST_POSTGRES_USER} / {@code _PASSWORD} say
 * otherwise). Without one the tests fail; they are never skipped.
 */
class PostgresJdbcStorageTest extends JdbcStorageTestSupport implements JdbcColumnsContract, SchemaUpgradeContract {

    @Override
    HikariDataSource createDataSource() {
        String url = setting("passkeys.test.postgres.url", "PASSKEYS_TEST_POSTGRES_URL", null);
        if (url == null) {
            fail("The PostgreSQL storage tests need a PostgreSQL server and none is configured. Start one with"
                    + " 'eval \"$(scripts/postgres.sh)\"' in the repository root (it sets PASSKEYS_TEST_POSTGRES_URL),"
                    + " or set -Dpasskeys.test.postgres.url=jdbc:postgresql://host:port/db"
                    + " (PASSKEYS_TEST_POSTGRES_USER and _PASSWORD default to passkeys).");
        }
        return pool(
                url,
                setting("passkeys.test.postgres.user", "PASSKEYS_TEST_POSTGRES_USER", "passkeys"),
                setting("passkeys.test.postgres.password", "PASSKEYS_TEST_POSTGRES_PASSWORD", "passkeys"));
    }

    /**
     * Six nodes starting at once with {@code initialize-schema=always} on a version-5 database: every start-up passes
     * (two sessions creating one table at once fail in PostgreSQL; a second carry-over read a table the first had
     * dropped), and the used challenges are carried over once.
     */
    @Test
    void nodesStartingTogetherUpgradeTheSchemaOneAtATime() throws Exception {
        List<String> live = versionFiveWithUsedChallenges();
        startTogether(6);
        assertCarriedOver(live);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'", Long.class))
                .as("no advisory lock left behind")
                .isZero();
    }

    @Override
    DatabaseInitializationMode initializationMode() {
        return DatabaseInitializationMode.ALWAYS;
    }

    @Override
    public String platform() {
        return "postgresql";
    }

    @Override
    public boolean embedded() {
        return false;
    }
}
