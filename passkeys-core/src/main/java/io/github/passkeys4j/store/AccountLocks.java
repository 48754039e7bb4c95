package io.github.passkeys4j.store;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks per account in this JVM: a fixed set of stripes, so memory stays bounded however many accounts there are.
 * Two accounts may share a stripe and then wait for each other, which costs a little time and never correctness.
 * Reentrant, so a unit of work may nest another for the same account.
 */
final class AccountLocks {

    static final AccountLocks SHARED = new AccountLocks(256);

    private final ReentrantLock[] stripes;

    AccountLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T holding(String accountId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(Objects.hashCode(accountId), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
