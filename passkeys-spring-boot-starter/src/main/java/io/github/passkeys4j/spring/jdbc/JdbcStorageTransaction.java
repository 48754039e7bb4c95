package io.github.passkeys4j.spring.jdbc;

import io.github.passkeys4j.store.StorageTransaction;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The core's {@link StorageTransaction} over Spring's {@link TransactionOperations} (a {@code TransactionTemplate}
 * over the app's transaction manager), so a ceremony's writes join, begin and roll back Spring transactions as any
 * other code of the app does.
 *
 * <p>{@link #runForAccount} first locks the account's {@code passkeys_user} row ({@code SELECT … FOR UPDATE}), so on
 * every node sharing the database the checks that read an account's passkeys (the per-account limit, the last way
 * in) and the write that follows them run one account unit at a time. An account with no row yet (its first
 * registration) has nothing to lock: the unique account id then lets exactly one first registration store a row.
 * This needs READ COMMITTED isolation (each statement after the lock sees what the lock holder before committed),
 * PostgreSQL's and H2's default; on MariaDB and MySQL give operations that set it, as the auto-configuration does
 * (InnoDB's default REPEATABLE READ locks the gap where a missing row would go, and two first registrations then
 * deadlock). An account unit the database rolled back to end a deadlock is run again from the start
 * ({@link Deadlocks}): its work touches only the database.
 */
public final class JdbcStorageTransaction implements StorageTransaction {

    private final TransactionOperations operations;
    private final JdbcClient jdbc;

    public JdbcStorageTransaction(TransactionOperations operations, JdbcClient jdbc) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public JdbcStorageTransaction(TransactionOperations operations, JdbcOperations jdbc) {
        this(operations, JdbcClient.create(Objects.requireNonNull(jdbc, "jdbc")));
    }

    @Override
    public <T> T run(Supplier<T> work) {
        // Not run again after a deadlock: the work may write outside the database (an app's sign-up account).
        return operations.execute(status -> work.get());
    }

    @Override
    public <T> T runForAccount(String accountId, Supplier<T> work) {
        return Deadlocks.retried(() -> operations.execute(status -> {
            jdbc.sql("SELECT account_id FROM passkeys_user WHERE account_id = :accountId FOR UPDATE")
                    .param("accountId", accountId)
                    .query(String.class)
                    .list();
            return work.get();
        }));
    }
}
