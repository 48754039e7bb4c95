package io.github.passkeys4j.store;

import java.util.function.Supplier;

/**
 * Runs a ceremony's writes as one unit, so a refused or failed registration or account deletion leaves nothing
 * half-written. JDBC storage runs them in a database transaction; in memory there is nothing to roll back. Challenges
 * are consumed outside it, so a rolled-back registration cannot be replayed.
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
