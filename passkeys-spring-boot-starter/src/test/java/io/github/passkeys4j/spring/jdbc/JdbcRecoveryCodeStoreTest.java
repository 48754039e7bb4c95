package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.testing.RecoveryCodeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.fail;

/**
 * The recovery-code store of {@code passkeys-test}'s contract on H2 and on a real PostgreSQL (as
 * {@link PostgresJdbcStorageTest}: {@code eval "$(scripts/postgres.sh)"} first; never skipped). "Another node" is a
 * second store over the same database.
 */
class JdbcRecoveryCodeStoreTest {

    private static final HikariDataSource H2 = open(
            JdbcStorageTestSupport.pool("jdbc:h2:mem:passkeys-recovery-test;DB_CLOSE_DELAY=-1", "sa", ""),
            DatabaseInitializationMode.EMBEDDED);
    private static HikariDataSource postgres;

    @AfterAll
    static void close() {
        H2.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private static HikariDataSource open(HikariDataSource dataSource, DatabaseInitializationMode mode) {
        new PasskeysJdbcSchemaInitializer(dataSource, mode).initializeDatabase();
        return dataSource;
    }

    private static synchronized HikariDataSource postgres() {
        if (postgres == null) {
            String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                fail(
                        "These tests need PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root first.");
            }
            postgres =
                    open(JdbcStorageTestSupport.pool(url, "passkeys", "passkeys"), DatabaseInitializationMode.ALWAYS);
        }
        return postgres;
    }

    static JdbcRecoveryCodeStore newStore(DataSource dataSource) {
        return new JdbcRecoveryCodeStore(
                JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static RecoveryCodeStore empty(HikariDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM passkeys_recovery_code");
        jdbc.update("DELETE FROM passkeys_recovery_attempt");
        return newStore(dataSource);
    }

    @Nested
    class H2RecoveryCodes extends RecoveryCodeStoreContract {
        @Override
        protected RecoveryCodeStore createStore() {
            return empty(H2);
        }

        @Override
        protected RecoveryCodeStore anotherNode(RecoveryCodeStore store) {
            return newStore(H2);
        }
    }

    @Nested
    class PostgresRecoveryCodes extends RecoveryCodeStoreContract {
        @Override
        protected RecoveryCodeStore createStore() {
            return empty(postgres());
        }

        @Override
        protected RecoveryCodeStore anotherNode(RecoveryCodeStore store) {
            return newStore(postgres());
        }
    }
}
