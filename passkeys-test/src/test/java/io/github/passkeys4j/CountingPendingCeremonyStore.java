package io.github.passkeys4j;

import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.PendingCeremonyStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link InMemoryPendingCeremonyStore} that counts saves and records every {@link #removeExpired} call. */
final class CountingPendingCeremonyStore implements PendingCeremonyStore {

    private final InMemoryPendingCeremonyStore delegate;
    final AtomicInteger saves = new AtomicInteger();
    final List<Instant> sweeps = new CopyOnWriteArrayList<>();

    CountingPendingCeremonyStore(Clock clock) {
        this.delegate = new InMemoryPendingCeremonyStore(clock, InMemoryPendingCeremonyStore.DEFAULT_MAX_PENDING);
    }

    @Override
    public void save(String key, Instant expiresAt, byte[] state, String accountId) {
        saves.incrementAndGet();
        delegate.save(key, expiresAt, state, accountId);
    }

    @Override
    public Optional<byte[]> consume(String key) {
        return delegate.consume(key);
    }

    @Override
    public void removeByAccountId(String accountId) {
        delegate.removeByAccountId(accountId);
    }

    @Override
    public void removeExpired(Instant now) {
        sweeps.add(now);
        delegate.removeExpired(now);
    }
}
