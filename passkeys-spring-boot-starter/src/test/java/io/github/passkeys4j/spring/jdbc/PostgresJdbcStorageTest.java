package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.testing.AccountRaceContract;
import io.github.passkeys4j.testing.PasskeyRepositoryContract;
import io.github.passkeys4j.testing.PasskeyUserRepositoryContract;
import io.github.passkeys4j.testing.PendingCeremonyStoreContract;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

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

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The storage contract of {@code passkeys-test} on this database. */
    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return PostgresJdbcStorageTest.this.passkeys();
        }
    }

    @Nested
    class Users extends PasskeyUserRepositoryContract {
        @Override
        protected PasskeyUserRepository createRepository() {
            return PostgresJdbcStorageTest.this.users();
        }
    }

    @Nested
    class PendingCeremonies extends PendingCeremonyStoreContract {
        @Override
        protected PendingCeremonyStore createStore() {
            return PostgresJdbcStorageTest.this.ceremonies();
        }
    }

    /** The races the account lock closes, with this database's row locks. */
    @Nested
    class AccountRaces extends AccountRaceContract {
        @Override
        protected PasskeyRepository createPasskeys() {
            return PostgresJdbcStorageTest.this.passkeys();
        }

        @Override
        protected PasskeyUserRepository createUsers() {
            return PostgresJdbcStorageTest.this.users();
        }

        @Override
        protected StorageTransaction createTransaction() {
            return PostgresJdbcStorageTest.this.transaction();
        }

        @Override
        protected RecoveryCodeStore createRecoveryCodes() {
            return JdbcRecoveryCodeStoreTest.newStore(PostgresJdbcStorageTest.this.dataSource());
        }
    }
}
