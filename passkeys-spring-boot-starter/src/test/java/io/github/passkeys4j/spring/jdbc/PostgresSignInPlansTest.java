package io.github.passkeys4j.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.FinishRegistration;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.StartRegistration;
import io.github.passkeys4j.testing.QueryPlans;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every statement a sign-in runs on PostgreSQL finds its rows through an index, with 10,000 stored passkeys (enough
 * that the planner reads a whole table when an index is missing): the statements are the ones the JDBC stores really
 * run (captured by {@link QueryPlans}), so a dropped index or a new query without one fails here. Its own schema, so
 * that the other PostgreSQL tests' table wipes do not touch it. Needs {@code eval "$(scripts/postgres.sh)"} first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSignInPlansTest {

    private static final String ORIGIN = "https://example.com";
    private static final int BULK = 10_000;

    private HikariDataSource pool;
    private QueryPlans plans;
    private RelyingParty rp;
    private final SoftwareAuthenticator device = new SoftwareAuthenticator();

    @BeforeAll
    void loadRows() {
        String url = System.getenv("PASSKEYS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            fail("This test needs PostgreSQL: run 'eval \"$(scripts/postgres.sh)\"' in the repository root first.");
        }
        pool = JdbcStorageTestSupport.pool(url, "passkeys", "passkeys");
        JdbcTemplate admin = new JdbcTemplate(pool);
        admin.execute("DROP SCHEMA IF EXISTS passkeys_plans_test CASCADE");
        admin.execute("CREATE SCHEMA passkeys_plans_test");
        pool.close();
        pool = JdbcStorageTestSupport.pool(url, "passkeys", "passkeys");
        pool.setSchema("passkeys_plans_test");
        new PasskeysJdbcSchemaInitializer(pool, DatabaseInitializationMode.ALWAYS, "postgresql").initializeDatabase();
        plans = new QueryPlans(pool);
        rp = relyingParty(plans.dataSource());
        for (String username : List.of("alice", "bob")) {
            rp.finishRegistration(FinishRegistration.of(
                    username, device.register(rp.startRegistration(StartRegistration.forUser(username)), ORIGIN)));
        }
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        String publicKey = jdbc.queryForObject("SELECT public_key FROM passkeys_credential LIMIT 1", String.class);
        jdbc.update(
                "INSERT INTO passkeys_user (user_handle, account_id, username, display_name)"
                        + " SELECT 'u' || j, 'bulk-' || j, 'bulk-' || j, 'Bulk ' || j FROM generate_series(1, ?) AS j",
                BULK);
        jdbc.update(
                "INSERT INTO passkeys_credential (credential_id, user_handle, public_key, sign_count, aaguid,"
                        + " transports, backup_eligible, backup_state, uv_initialized, created_at, name, enabled)"
                        + " SELECT 'c' || i, 'u' || i, ?, 0, gen_random_uuid(), 'internal', TRUE, TRUE, TRUE,"
                        + " CURRENT_TIMESTAMP, 'Bulk', TRUE FROM generate_series(1, ?) AS i",
                publicKey,
                BULK);
        jdbc.update(
                "INSERT INTO passkeys_spent_challenge (challenge_id, expires_at) SELECT n,"
                        + " CURRENT_TIMESTAMP + INTERVAL '5 minutes' FROM generate_series(1, ?) AS n",
                BULK);
        jdbc.execute("ANALYZE");
        // The challenge keys (the period's, the stand-ins') are read once and cached: not statements of every sign-in.
        rp.startAuthentication(StartAuthentication.discoverable());
        rp.startAuthentication(StartAuthentication.usernameFirst("nobody", null));
    }

    @AfterAll
    void dropSchema() {
        if (pool != null) {
            new JdbcTemplate(pool).execute("DROP SCHEMA IF EXISTS passkeys_plans_test CASCADE");
            pool.close();
        }
    }

    @Test
    void aUsernameLessSignInsStatementsEachUseAnIndex() {
        String response = device.authenticate(rp.startAuthentication(StartAuthentication.discoverable()), ORIGIN);

        List<QueryPlans.Plan> finish = plans.explain(() -> rp.finishAuthentication(new FinishAuthentication(response)));

        assertThat(finish).hasSizeGreaterThanOrEqualTo(3).noneMatch(QueryPlans.Plan::seqScan);
        assertThat(finish).anyMatch(plan -> plan.plan().contains("passkeys_credential_pk"));
    }

    @Test
    void usernameFirstOptionsListAnAccountsPasskeysThroughAnIndex() {
        List<QueryPlans.Plan> options =
                plans.explain(() -> rp.startAuthentication(StartAuthentication.usernameFirst("bulk-77", "bulk-77")));

        assertThat(options).hasSize(2).noneMatch(QueryPlans.Plan::seqScan);
    }

    @Test
    void theRevocationCheckOfEveryRequestIsOneIndexedLookupOfTheFlag() {
        List<QueryPlans.Plan> check = plans.explain(
                () -> assertThat(rp.management().isActive("c77", "u77")).isTrue());

        // Either index finds the one row: the credential ID's, or the user handle's (an account has few passkeys).
        assertThat(check).singleElement().satisfies(plan -> {
            assertThat(plan.seqScan()).isFalse();
            assertThat(plan.plan()).containsAnyOf("passkeys_credential_pk", "passkeys_credential_user_handle_idx");
            assertThat(plan.sql()).startsWith("SELECT enabled FROM");
        });
    }

    @Test
    void withoutTheUserHandleIndexTheListReadsTheWholeTable() {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("DROP INDEX passkeys_credential_user_handle_idx");
        try {
            List<QueryPlans.Plan> options = plans.explain(
                    () -> rp.startAuthentication(StartAuthentication.usernameFirst("bulk-78", "bulk-78")));

            assertThat(options).anyMatch(QueryPlans.Plan::seqScan);
        } finally {
            jdbc.execute("CREATE INDEX passkeys_credential_user_handle_idx ON passkeys_credential (user_handle,"
                    + " created_at)");
        }
    }

    private static RelyingParty relyingParty(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return RelyingParty.builder("example.com", "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(new JdbcPasskeyRepository(jdbc))
                .users(new JdbcPasskeyUserRepository(jdbc))
                .pendingCeremonies(new JdbcPendingCeremonyStore(jdbc))
                .usedChallenges(new JdbcUsedChallengeStore(jdbc))
                .challengeKeys(new JdbcChallengeKeys(jdbc))
                .transaction(new JdbcStorageTransaction(
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), jdbc))
                .build();
    }
}
