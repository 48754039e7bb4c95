package io.github.passkeys4j.spring.jdbc;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * Runs a unit of work again when the database chose it to end a deadlock, as InnoDB (MariaDB, MySQL) does now and
 * then when sessions insert one unique key at once: the database has rolled the unit's transaction back, so running
 * it again from the start is safe. Only a unit that is its own transaction is run again: inside the caller's
 * transaction the caller's earlier work is gone too, so the failure goes to the caller.
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
            } catch (PessimisticLockingFailureException chosenToEndADeadlock) {
                if (attempt >= ATTEMPTS) {
                    throw chosenToEndADeadlock;
                }
            }
        }
    }
}
