package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.UsedChallengeStore;
import io.github.passkeys4j.testing.AccountRaceContract;
import io.github.passkeys4j.testing.ChallengeKeysContract;
import io.github.passkeys4j.testing.PasskeyRepositoryContract;
import io.github.passkeys4j.testing.PasskeyUserRepositoryContract;
import io.github.passkeys4j.testing.PendingCeremonyStoreContract;
import io.github.passkeys4j.testing.RecoveryCodeStoreContract;
import io.github.passkeys4j.testing.UsedChallengeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database for a whole test class: the schema is applied once through {@link PasskeysJdbcSchemaInitializer},
 * and every test starts from empty tables. Subclasses say which database; the contracts they implement hold the
 * tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStorageTestSupport {

    /** A fixed instant with microseconds, which every database keeps exactly. */
    static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    private HikariDataSource dataSource;
    private JdbcPasskeyRepository passkeys;
    private JdbcPasskeyUserRepository users;
    private JdbcPendingCeremonyStore ceremonies;

    /** A pooled data source for the database under test; fails (never skips) when the database is not available. */
    abstract HikariDataSource createDataSource();

    /** The mode with which this database gets its schema: EMBEDDED for H2 in memory, ALWAYS for a server. */
    abstract DatabaseInitializationMode initializationMode();

    @BeforeAll
    final void openDatabase() {
        dataSource = createDataSource();
        new PasskeysJdbcSchemaInitializer(dataSource, initializationMode()).initializeDatabase();
        JdbcTemplate template = new JdbcTemplate(dataSource);
        passkeys = new JdbcPasskeyRepository(template);
        users = new JdbcPasskeyUserRepository(JdbcClient.create(dataSource));
        ceremonies = new JdbcPendingCeremonyStore(template);
    }

    @AfterAll
    final void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @BeforeEach
    final void emptyTables() {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.update("DELETE FROM passkeys_credential");
        template.update("DELETE FROM passkeys_user");
        template.update("DELETE FROM passkeys_pending_ceremony");
        template.update("DELETE FROM passkeys_recovery_code");
        template.update("DELETE FROM passkeys_recovery_attempt");
    }

    static HikariDataSource pool(String url, String username, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10);
        return pool;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code nodes} start-ups with {@code initialize-schema=always} at the same instant: each one must pass. */
    void startTogether(int nodes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return new PasskeysJdbcSchemaInitializer(dataSource(), DatabaseInitializationMode.ALWAYS)
                            .initializeDatabase();
                }));
            }
            for (Future<Boolean> node : started) {
                assertThat(node.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public JdbcPasskeyRepository passkeys() {
        return passkeys;
    }

    public JdbcPasskeyUserRepository users() {
        return users;
    }

    /** A transaction over this database, as the auto-configuration makes one. */
    public JdbcStorageTransaction transaction() {
        return new JdbcStorageTransaction(transactions(dataSource), jdbc());
    }

    /**
     * Transactions over {@code dataSource} as the auto-configuration makes them: READ COMMITTED on MariaDB (InnoDB's
     * default REPEATABLE READ locks gaps, and two first registrations of one account would deadlock).
     */
    static TransactionTemplate transactions(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        String product = new JdbcTemplate(dataSource)
                .execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("MariaDB".equals(product)) {
            template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        }
        return template;
    }

    public JdbcPendingCeremonyStore ceremonies() {
        return ceremonies;
    }

    /** The storage contract of {@code passkeys-test} on this database. */
    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return JdbcStorageTestSupport.this.passkeys();
        }
    }

    @Nested
    class Users extends PasskeyUserRepositoryContract {
        @Override
        protected PasskeyUserRepository createRepository() {
            return JdbcStorageTestSupport.this.users();
        }
    }

    @Nested
    class PendingCeremonies extends PendingCeremonyStoreContract {
        @Override
        protected PendingCeremonyStore createStore() {
            return JdbcStorageTestSupport.this.ceremonies();
        }
    }

    /** The races the account lock closes, with this database's row locks. */
    @Nested
    class AccountRaces extends AccountRaceContract {
        @Override
        protected PasskeyRepository createPasskeys() {
            return JdbcStorageTestSupport.this.passkeys();
        }

        @Override
        protected PasskeyUserRepository createUsers() {
            return JdbcStorageTestSupport.this.users();
        }

        @Override
        protected StorageTransaction createTransaction() {
            return JdbcStorageTestSupport.this.transaction();
        }

        @Override
        protected RecoveryCodeStore createRecoveryCodes() {
            return RecoveryCodeStores.newStore(JdbcStorageTestSupport.this.dataSource());
        }
    }

    /** Used challenges and challenge keys: "another node" is a second store over the same database. */
    @Nested
    class UsedChallenges extends UsedChallengeStoreContract {
        @Override
        protected UsedChallengeStore createStore() {
            jdbc().update("DELETE FROM passkeys_spent_challenge");
            return new JdbcUsedChallengeStore(jdbc());
        }

        @Override
        protected UsedChallengeStore anotherNode(UsedChallengeStore store) {
            return new JdbcUsedChallengeStore(jdbc());
        }

        /** A sweep deletes a bounded batch, so one call never holds locks on an unbounded number of rows. */
        @Test
        void aSweepDeletesABoundedBatch() {
            List<Object[]> expired = new ArrayList<>();
            for (long id = 1; id <= 2500; id++) {
                expired.add(new Object[] {id, JdbcColumns.timestamp(T0)});
            }
            jdbc().batchUpdate(
                            "INSERT INTO passkeys_spent_challenge (challenge_id, expires_at) VALUES (?, ?)", expired);

            store().removeExpired(T0.plusSeconds(1));

            assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM passkeys_spent_challenge", Long.class))
                    .isEqualTo(2500 - JdbcUsedChallengeStore.SWEEP_BATCH);
        }
    }

    @Nested
    class Keys extends ChallengeKeysContract {
        @Override
        protected ChallengeKeys createKeys() {
            jdbc().update("DELETE FROM passkeys_challenge_key");
            return new JdbcChallengeKeys(jdbc());
        }

        @Override
        protected ChallengeKeys anotherNode(ChallengeKeys keys) {
            return new JdbcChallengeKeys(jdbc());
        }
    }

    @Nested
    class RecoveryCodes extends RecoveryCodeStoreContract {
        @Override
        protected RecoveryCodeStore createStore() {
            return RecoveryCodeStores.empty(dataSource);
        }

        @Override
        protected RecoveryCodeStore anotherNode(RecoveryCodeStore store) {
            return RecoveryCodeStores.newStore(dataSource);
        }
    }

    @Test
    void deletingWaitsForARecoveryCodeReplacementUnderWayAndDeletesItsCodes() throws Exception {
        RecoveryCodeStores.deletingWaitsForAReplacementUnderWay(dataSource);
    }

    /** A test setting: the system property, else the environment variable, else {@code fallback}. */
    static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
