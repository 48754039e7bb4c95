package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.store.StorageTransaction;
import org.springframework.transaction.support.TransactionOperations;

import java.util.function.Supplier;

/**
 * The core's {@link StorageTransaction} over Spring's {@link TransactionOperations} (a {@code TransactionTemplate}
 * over the app's transaction manager): a ceremony's writes join, begin and roll back Spring transactions as any
 * other code of the app does.
 */
record SpringStorageTransaction(TransactionOperations operations) implements StorageTransaction {

    @Override
    public <T> T run(Supplier<T> work) {
        return operations.execute(status -> work.get());
    }
}
