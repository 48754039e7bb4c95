package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.UsedChallengeStore;
import io.github.passkeys4j.testing.ChallengeKeysContract;
import io.github.passkeys4j.testing.UsedChallengeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The used-challenge store and the challenge keys of {@code passkeys-test}'s contract on H2 and on a real PostgreSQL
 * (as {@link PostgresJdbcStorageTest}: {@code eval "$(scripts/postgres.sh)"} first; never skipped). "Another node" is
 * a second instance over the same database, with its own cache.
 */
class JdbcChallengeStorageTest {

    private static final HikariDataSource H2 = open(
            JdbcStorageTestSupport.pool("jdbc:h2:mem:passkeys-challenge-test;DB_CLOSE_DELAY=-1", "sa", ""),
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

    private static UsedChallengeStore emptyUsedChallenges(HikariDataSource dataSource) {
        new JdbcTemplate(dataSource).update("DELETE FROM passkeys_spent_challenge");
        return new JdbcUsedChallengeStore(new JdbcTemplate(dataSource));
    }

    private static ChallengeKeys emptyKeys(HikariDataSource dataSource) {
        new JdbcTemplate(dataSource).update("DELETE FROM passkeys_challenge_key");
        return new JdbcChallengeKeys(new JdbcTemplate(dataSource));
    }

    @Nested
    class H2UsedChallenges extends UsedChallengeStoreContract {
        @Override
        protected UsedChallengeStore createStore() {
            return emptyUsedChallenges(H2);
        }

        @Override
        protected UsedChallengeStore anotherNode(UsedChallengeStore store) {
            return new JdbcUsedChallengeStore(new JdbcTemplate(H2));
        }
    }

    @Nested
    class H2Keys extends ChallengeKeysContract {
        @Override
        protected ChallengeKeys createKeys() {
            return emptyKeys(H2);
        }

        @Override
        protected ChallengeKeys anotherNode(ChallengeKeys keys) {
            return new JdbcChallengeKeys(new JdbcTemplate(H2));
        }
    }

    @Nested
    class PostgresUsedChallenges extends UsedChallengeStoreContract {
        @Override
        protected UsedChallengeStore createStore() {
            return emptyUsedChallenges(postgres());
        }

        @Override
        protected UsedChallengeStore anotherNode(UsedChallengeStore store) {
            return new JdbcUsedChallengeStore(new JdbcTemplate(postgres()));
        }

        /** A sweep deletes a bounded batch, so one call never holds locks on an unbounded number of rows. */
        @Test
        void aSweepDeletesABoundedBatch() {
            JdbcTemplate jdbc = new JdbcTemplate(postgres());
            jdbc.update("INSERT INTO passkeys_spent_challenge (challenge_id, expires_at)"
                    + " SELECT g, now() - interval '1 hour' FROM generate_series(1, 2500) g");

            store().removeExpired(Instant.now());

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM passkeys_spent_challenge", Long.class))
                    .isEqualTo(2500 - JdbcUsedChallengeStore.SWEEP_BATCH);
        }
    }

    @Nested
    class PostgresKeys extends ChallengeKeysContract {
        @Override
        protected ChallengeKeys createKeys() {
            return emptyKeys(postgres());
        }

        @Override
        protected ChallengeKeys anotherNode(ChallengeKeys keys) {
            return new JdbcChallengeKeys(new JdbcTemplate(postgres()));
        }
    }
}
