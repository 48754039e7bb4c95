package io.github.passkeys4j.store;

import java.util.function.Supplier;

/**
 * Runs a ceremony's writes as one unit, so a refused or failed registration or account deletion leaves nothing
 * half-written. JDBC storage runs them in a database transaction; in memory there is nothing to roll back. Challenges
 * are consumed outside it, so a rolled-back registration cannot be replayed.
 */
public interface StorageTransaction {

    /** No transaction; {@link #runForAccount} locks the account in this JVM only: right for the in-memory stores. */
    StorageTransaction NONE = new StorageTransaction() {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    };

    <T> T run(Supplier<T> work);

    /**
     * Runs {@code work} as {@link #run} does while holding the account's lock, so that of two such units for one
     * account (a registration checking the passkey limit, a delete checking the last way in) the second starts only
     * after the first is done, and what the first checked still holds when it writes. The library reads, checks and
     * writes an account's passkeys only inside it.
     *
     * <p>Default: {@link #run} under a lock per account in this JVM, which is all the in-memory stores need (they
     * serve one node). Storage shared by several nodes must override it with a lock they all see, such as a row lock
     * on the account ({@code SELECT … FOR UPDATE}) taken first in the transaction, as the starter's JDBC storage does.
     */
    default <T> T runForAccount(String accountId, Supplier<T> work) {
        return AccountLocks.SHARED.holding(accountId, () -> run(work));
    }
}
