package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.jdbc.JdbcChallengeKeys;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPasskeyUserRepository;
import io.github.passkeys4j.spring.jdbc.JdbcPendingCeremonyStore;
import io.github.passkeys4j.spring.jdbc.JdbcRecoveryCodeStore;
import io.github.passkeys4j.spring.jdbc.JdbcStorageTransaction;
import io.github.passkeys4j.spring.jdbc.JdbcUsedChallengeStore;
import io.github.passkeys4j.spring.jdbc.PasskeysJdbcSchemaInitializer;
import io.github.passkeys4j.spring.jdbc.SpringSecurityPasskeysImport;
import io.github.passkeys4j.spring.security.PasskeysConfigurer;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * JDBC storage when the app has one DataSource: the {@code passkeys_*} tables, created from
 * {@code schema-<platform>.sql} on an embedded database (see {@code passkeys.jdbc.initialize-schema}). Pending
 * ceremonies live there too, so any node of a cluster can finish a ceremony another one started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({JdbcTemplate.class, PasskeysJdbcSchemaInitializer.class})
@ConditionalOnSingleCandidate(DataSource.class)
class PasskeysJdbcConfiguration {

    private static final Log log = LogFactory.getLog(PasskeysJdbcConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PasskeysJdbcSchemaInitializer passkeysJdbcSchemaInitializer(DataSource dataSource, PasskeysProperties properties) {
        DatabaseInitializationMode mode = DatabaseInitializationMode.valueOf(
                properties.getJdbc().getInitializeSchema().name());
        return new PasskeysJdbcSchemaInitializer(
                dataSource, mode, properties.getJdbc().getPlatform());
    }

    /** Refuses to start when the tables of our stores in use are missing (see {@link PasskeysJdbcSchemaCheck}). */
    @Bean
    @DependsOnDatabaseInitialization
    PasskeysJdbcSchemaCheck passkeysJdbcSchemaCheck(
            DataSource dataSource,
            PasskeysJdbcSchemaInitializer initializer,
            PasskeysProperties properties,
            ObjectProvider<PasskeyRepository> passkeys,
            ObjectProvider<PasskeyUserRepository> users,
            ObjectProvider<PendingCeremonyStore> ceremonies,
            ObjectProvider<UsedChallengeStore> usedChallenges,
            ObjectProvider<ChallengeKeys> challengeKeys,
            ObjectProvider<RecoveryCodeStore> recoveryCodes) {
        List<String> tables = new ArrayList<>();
        if (passkeys.getIfUnique() instanceof JdbcPasskeyRepository) {
            tables.add("passkeys_credential");
        }
        if (users.getIfUnique() instanceof JdbcPasskeyUserRepository) {
            tables.add("passkeys_user");
        }
        if (ceremonies.getIfUnique() instanceof JdbcPendingCeremonyStore) {
            tables.add("passkeys_pending_ceremony");
        }
        if (usedChallenges.getIfUnique() instanceof JdbcUsedChallengeStore) {
            tables.add("passkeys_spent_challenge");
        }
        if (challengeKeys.getIfUnique() instanceof JdbcChallengeKeys) {
            tables.add("passkeys_challenge_key");
        }
        if (recoveryCodes.getIfUnique() instanceof JdbcRecoveryCodeStore) {
            tables.add("passkeys_recovery_code");
            tables.add("passkeys_recovery_attempt");
        }
        return new PasskeysJdbcSchemaCheck(
                dataSource, tables, properties.getJdbc().getPlatform());
    }

    /**
     * The app's transaction manager when it has exactly one, else one over the DataSource; an account's checks and
     * writes hold a row lock on its {@code passkeys_user} row (see {@link JdbcStorageTransaction}).
     */
    @Bean
    @ConditionalOnMissingBean
    StorageTransaction passkeysStorageTransaction(
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            PasskeysProperties properties) {
        return new JdbcStorageTransaction(
                transactions(dataSource, transactionManager, properties), jdbc(dataSource, properties));
    }

    private TransactionOperations transactions(
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            PasskeysProperties properties) {
        return new StarterTransactions(
                dataSource,
                transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource)),
                statementTimeoutsOnce(dataSource) ? timeoutSeconds(properties) : 0);
    }

    /** Recovery codes and wrong tries in the database, so a code works once and a lockout holds on every node. */
    @Bean
    @ConditionalOnMissingBean
    RecoveryCodeStore recoveryCodeStore(
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            PasskeysProperties properties) {
        return new JdbcRecoveryCodeStore(
                JdbcClient.create(jdbc(dataSource, properties)),
                transactions(dataSource, transactionManager, properties));
    }

    /** Our statements time out (passkeys.jdbc.query-timeout) rather than hold a request while the database hangs. */
    private JdbcTemplate jdbc(DataSource dataSource, PasskeysProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        if (statementTimeoutsOnce(dataSource)) {
            template.setQueryTimeout(timeoutSeconds(properties));
        }
        return template;
    }

    /** {@link #statementTimeouts}, asked of the (single) DataSource once rather than once per store. */
    private Boolean statementTimeouts;

    private boolean statementTimeoutsOnce(DataSource dataSource) {
        if (statementTimeouts == null) {
            statementTimeouts = statementTimeouts(dataSource);
        }
        return statementTimeouts;
    }

    /**
     * False on H2 only: its driver runs {@code SET QUERY_TIMEOUT} for every statement given a timeout, and each SET
     * throws away every connection's parsed statements, so all were parsed again (issue 13's profile: 12 % of a
     * sign-in's finish). H2 runs in the app's own process, and its lock waits end after its own lock timeout.
     */
    static boolean statementTimeouts(DataSource dataSource) {
        return !"H2".equals(databaseProduct(dataSource));
    }

    private static int timeoutSeconds(PasskeysProperties properties) {
        return (int) Math.max(1, properties.getJdbc().getQueryTimeout().toSeconds());
    }

    /**
     * With {@code passkeys.jdbc.import-spring-security-passkeys=true}: at start-up, the passkeys of Spring Security's
     * {@code http.webAuthn()} in this DataSource are moved into ours (see {@link SpringSecurityPasskeysImport}),
     * before the web server takes requests: a sign-in refused as an unknown passkey meanwhile would have the browser
     * forget the passkey (signalUnknownCredential).
     */
    @Bean
    @ConditionalOnProperty(name = "passkeys.jdbc.import-spring-security-passkeys", havingValue = "true")
    SmartInitializingSingleton passkeysSpringSecurityImport(
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            PasskeyRepository passkeys,
            PasskeyUserRepository users,
            ObjectProvider<UserDetailsService> appUsers,
            ObjectProvider<AccountIdResolver> accountIds,
            RelyingParty relyingParty) {
        return () -> {
            UserDetailsService userDetails = appUsers.getIfUnique();
            if (userDetails == null) {
                throw new IllegalStateException("passkeys.jdbc.import-spring-security-passkeys=true needs the app's"
                        + " UserDetailsService (one bean), to bind each imported passkey to the app's account");
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            try {
                jdbc.queryForObject("SELECT COUNT(*) FROM user_entities WHERE 1 = 0", Integer.class);
                jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials WHERE 1 = 0", Integer.class);
            } catch (BadSqlGrammarException e) {
                // A new environment, or the tables dropped after the move: nothing to move.
                log.info("Passkeys for Java: passkeys.jdbc.import-spring-security-passkeys=true, but Spring Security's"
                        + " tables user_entities and user_credentials are not in the DataSource: nothing to move");
                return;
            }
            new SpringSecurityPasskeysImport(
                            jdbc,
                            new TransactionTemplate(
                                    transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource))),
                            passkeys,
                            users,
                            userDetails,
                            accountIds.getIfUnique(() -> AccountIdResolver.USERNAME),
                            relyingParty.clock())
                    .importAll();
        };
    }

    /**
     * Whether a credential ID is still in Spring Security's own {@code user_credentials} (not moved, or not yet):
     * such a passkey is refused without the signal that would have the browser forget it. With passkeys there and
     * the import off, a WARN says they will be refused.
     */
    @Bean(PasskeysConfigurer.NOT_YET_MOVED)
    @DependsOnDatabaseInitialization
    Predicate<String> passkeysNotYetMovedFromSpringSecurity(DataSource dataSource, PasskeysProperties properties) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Integer rows;
        try {
            // Asked of the metadata first: a query of a missing table is logged at WARN by some drivers (MariaDB's).
            if (!hasTable(jdbc, "user_credentials")) {
                return credentialId -> false;
            }
            rows = jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials", Integer.class);
        } catch (DataAccessException noSuchTable) {
            return credentialId -> false;
        }
        if (rows != null && rows > 0 && !properties.getJdbc().isImportSpringSecurityPasskeys()) {
            log.warn("Passkeys for Java: Spring Security's own table user_credentials holds " + rows + " passkey(s),"
                    + " which this app refuses until they are moved: set"
                    + " passkeys.jdbc.import-spring-security-passkeys=true (README: Coming from Spring Security's"
                    + " http.webAuthn())");
        }
        return credentialId -> {
            try {
                Integer found = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM user_credentials WHERE credential_id = ?", Integer.class, credentialId);
                return found != null && found > 0;
            } catch (DataAccessException gone) {
                return false; // the table was dropped since
            }
        };
    }

    /** "JDBC (PostgreSQL)" in the start-up log line when our JDBC repository is the one in use. */
    @Bean
    PasskeysStorageDescriber passkeysJdbcStorageDescriber(DataSource dataSource) {
        return passkeys ->
                passkeys instanceof JdbcPasskeyRepository ? "JDBC (" + databaseProduct(dataSource) + ")" : null;
    }

    private static String databaseProduct(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            return "database not reachable";
        }
    }

    @Bean
    @ConditionalOnMissingBean
    PasskeyRepository passkeyRepository(DataSource dataSource, PasskeysProperties properties) {
        return new JdbcPasskeyRepository(jdbc(dataSource, properties));
    }

    @Bean
    @ConditionalOnMissingBean
    PasskeyUserRepository passkeyUserRepository(DataSource dataSource, PasskeysProperties properties) {
        return new JdbcPasskeyUserRepository(jdbc(dataSource, properties));
    }

    @Bean
    @ConditionalOnMissingBean
    PendingCeremonyStore pendingCeremonyStore(DataSource dataSource, PasskeysProperties properties) {
        return new JdbcPendingCeremonyStore(jdbc(dataSource, properties));
    }

    /**
     * Sealed sign-in challenges: every node signs with the same keys and records a finished sign-in in the same table,
     * so options from one node finish on any other, once.
     */
    @Bean
    @ConditionalOnMissingBean
    UsedChallengeStore usedChallengeStore(DataSource dataSource, PasskeysProperties properties) {
        return new JdbcUsedChallengeStore(jdbc(dataSource, properties));
    }

    @Bean
    @ConditionalOnMissingBean
    ChallengeKeys challengeKeys(DataSource dataSource, PasskeysProperties properties) {
        return new JdbcChallengeKeys(jdbc(dataSource, properties));
    }

    /**
     * Whether the database may have the table, as created unquoted (any case the database folds it to), in any schema
     * (a search path reaches more than the current one): a query of it then says for sure.
     */
    private static boolean hasTable(JdbcTemplate jdbc, String table) {
        Boolean found = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            String escape = meta.getSearchStringEscape();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                String pattern = escape == null ? name : name.replace("_", escape + "_");
                try (ResultSet tables =
                        meta.getTables(connection.getCatalog(), null, pattern, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
        return Boolean.TRUE.equals(found);
    }
}
