package dev.passkeys.spring.web;

import java.util.function.Supplier;

/**
 * Runs a ceremony's writes as one unit, so a refused or failed registration leaves nothing half-written. With JDBC
 * storage the starter runs them in a database transaction; in memory there is nothing to roll back.
 */
public interface StorageTransaction {

    StorageTransaction NONE = new StorageTransaction() {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    };

    <T> T run(Supplier<T> work);
}
