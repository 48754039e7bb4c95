package io.github.passkeys4j.spring.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures run a unit again, and how often. */
class DeadlocksTest {

    private static CannotAcquireLockException failure(String sqlState) {
        return new CannotAcquireLockException("refused", new SQLException("refused", sqlState, 1213));
    }

    @Test
    void aDeadlockOrSerializationFailureRollsBackALockWaitTimeoutDoesNot() {
        assertThat(Deadlocks.rolledBack(failure("40001")))
                .as("InnoDB's deadlock")
                .isTrue();
        assertThat(Deadlocks.rolledBack(failure("40P01")))
                .as("PostgreSQL's deadlock")
                .isTrue();
        assertThat(Deadlocks.rolledBack(failure("HY000")))
                .as("InnoDB's lock wait timeout, 1205")
                .isFalse();
        assertThat(Deadlocks.rolledBack(failure("55P03")))
                .as("PostgreSQL's lock_not_available")
                .isFalse();
        assertThat(Deadlocks.rolledBack(new CannotAcquireLockException("no SQL cause")))
                .isFalse();
    }

    @Test
    void aRolledBackUnitRunsAgainAtMostThreeTimes() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(Deadlocks.retried(() -> {
                    if (runs.incrementAndGet() < 3) {
                        throw failure("40001");
                    }
                    return "done";
                }))
                .isEqualTo("done");
        assertThat(runs).hasValue(3);

        runs.set(0);
        assertThatThrownBy(() -> Deadlocks.retried(() -> {
                    runs.incrementAndGet();
                    throw failure("40001");
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(Deadlocks.ATTEMPTS);
    }

    @Test
    void aTimedOutLockWaitOrAUnitInsideTheCallersTransactionRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Deadlocks.retried(() -> {
                    runs.incrementAndGet();
                    throw failure("HY000");
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(1);

        runs.set(0);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> Deadlocks.retried(() -> {
                        runs.incrementAndGet();
                        throw failure("40001");
                    }))
                    .isInstanceOf(CannotAcquireLockException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(runs)
                .as("the caller's transaction is gone: the caller decides")
                .hasValue(1);
    }
}
