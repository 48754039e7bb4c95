package io.github.passkeys4j.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.jta.JtaTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * The starter's own transactions: READ COMMITTED on MariaDB and MySQL, whose InnoDB runs REPEATABLE READ by default,
 * which locks the gap where a missing row would go (an account's first registration, its first recovery codes), so
 * that two such units deadlock; READ COMMITTED is also PostgreSQL's and H2's default, the level
 * {@code JdbcStorageTransaction} is written for. Which database it is is asked when the first transaction starts, and
 * again until the database has answered (it may be down when the app starts). A JTA transaction manager keeps its
 * own level: it takes none per transaction.
 */
final class StarterTransactions implements TransactionOperations {

    private final DataSource dataSource;
    private final TransactionTemplate asConfigured;
    private final TransactionTemplate readCommitted;
    private volatile @Nullable TransactionTemplate chosen;

    StarterTransactions(DataSource dataSource, PlatformTransactionManager manager, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.asConfigured = new TransactionTemplate(manager);
        this.readCommitted = new TransactionTemplate(manager);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        if (timeoutSeconds > 0) {
            asConfigured.setTimeout(timeoutSeconds);
            readCommitted.setTimeout(timeoutSeconds);
        }
        if (manager instanceof JtaTransactionManager) {
            chosen = asConfigured;
        }
    }

    @Override
    public <T> @Nullable T execute(TransactionCallback<T> action) throws TransactionException {
        return template().execute(action);
    }

    private TransactionTemplate template() {
        TransactionTemplate template = chosen;
        if (template != null) {
            return template;
        }
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException notReachable) {
            return asConfigured; // this transaction fails to connect as well; the next asks again
        }
        template = repeatableReadByDefault(product) ? readCommitted : asConfigured;
        chosen = template;
        return template;
    }

    /** MariaDB and MySQL (InnoDB) run REPEATABLE READ by default. */
    private static boolean repeatableReadByDefault(@Nullable String databaseProduct) {
        return "MariaDB".equalsIgnoreCase(databaseProduct) || "MySQL".equalsIgnoreCase(databaseProduct);
    }
}
