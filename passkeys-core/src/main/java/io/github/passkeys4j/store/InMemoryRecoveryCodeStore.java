package io.github.passkeys4j.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recovery codes in this JVM's memory: for one node, lost on restart. Each account's set is one immutable list
 * swapped atomically, so {@link #replaceAll} and {@link #markUsed} are atomic without locks held while hashing.
 */
public final class InMemoryRecoveryCodeStore implements RecoveryCodeStore {

    private record Entry(StoredRecoveryCode code, Instant usedAt) {}

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, List<Entry>> codes = new ConcurrentHashMap<>();
    private final Map<String, RecoveryAttempts> attempts = new ConcurrentHashMap<>();

    @Override
    public void replaceAll(String accountId, List<StoredRecoveryCode> newCodes) {
        List<Entry> entries = newCodes.stream().map(c -> new Entry(c, null)).toList();
        codes.put(accountId, entries);
    }

    @Override
    public List<StoredRecoveryCode> findUnused(String accountId) {
        return codes.getOrDefault(accountId, List.of()).stream()
                .filter(e -> e.usedAt() == null)
                .map(Entry::code)
                .toList();
    }

    @Override
    public boolean markUsed(String accountId, String codeId, Instant usedAt) {
        return swapUsedAt(accountId, codeId, null, Objects.requireNonNull(usedAt, "usedAt"));
    }

    @Override
    public boolean markUnused(String accountId, String codeId, Instant usedAt) {
        return swapUsedAt(accountId, codeId, Objects.requireNonNull(usedAt, "usedAt"), null);
    }

    /** Sets the code's {@code usedAt} to {@code to} if it is {@code from}, atomically; whether it did. */
    private boolean swapUsedAt(String accountId, String codeId, Instant from, Instant to) {
        boolean[] swapped = {false};
        codes.computeIfPresent(accountId, (id, entries) -> {
            List<Entry> changed = new ArrayList<>(entries);
            for (int i = 0; i < changed.size(); i++) {
                Entry e = changed.get(i);
                if (e.code().codeId().equals(codeId) && Objects.equals(e.usedAt(), from)) {
                    changed.set(i, new Entry(e.code(), to));
                    swapped[0] = true;
                }
            }
            return List.copyOf(changed);
        });
        return swapped[0];
    }

    @Override
    public void deleteAll(String accountId) {
        codes.remove(accountId);
        attempts.remove(accountId);
    }

    @Override
    public RecoveryAttempts recordFailure(String key, Instant now, Duration keepFor) {
        if (attempts.size() >= SWEEP_ABOVE) {
            // Wrong tries for made-up usernames must not fill the heap: expired counts go first.
            attempts.values().removeIf(a -> !a.activeAt(now));
        }
        return attempts.compute(key, (k, old) -> {
            int failures = old == null || !old.activeAt(now) ? 1 : old.failures() + 1;
            return new RecoveryAttempts(failures, now.plus(keepFor));
        });
    }

    @Override
    public Optional<RecoveryAttempts> attempts(String key) {
        return Optional.ofNullable(attempts.get(key));
    }

    @Override
    public void clearFailures(String key) {
        attempts.remove(key);
    }
}
