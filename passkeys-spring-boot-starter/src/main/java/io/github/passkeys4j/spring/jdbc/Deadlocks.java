package io.github.passkeys4j.spring.jdbc;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a unit of database work again when the database rolled its transaction back to end a deadlock (or a
 * serialization failure), as InnoDB (MariaDB, MySQL) does now and then when sessions insert one unique key at once:
 * the unit's writes are gone, so running it again from the start is safe. Only for units that touch nothing but the
 * database, and only when the unit is its own transaction: inside the caller's transaction the caller's earlier work
 * is gone too, so the failure goes to the caller. A lock wait that timed out is not run again: it would wait as long
 * again.
 */
final class Deadlocks {

    static final int ATTEMPTS = 3;

    private Deadlocks() {}

    static <T> T retried(Supplier<T> unit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return unit.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return unit.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
            }
        }
    }

    /** SQLSTATE class 40, transaction rollback: a deadlock (40001 on InnoDB, 40P01 on PostgreSQL) or serialization. */
    static boolean rolledBack(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
