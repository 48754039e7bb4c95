package dev.passkeys.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link PasskeyUserRepository} in memory. */
public final class InMemoryPasskeyUserRepository implements PasskeyUserRepository {

    private final Map<String, PasskeyUser> byHandle = new ConcurrentHashMap<>();

    @Override
    public Optional<PasskeyUser> findByUsername(String username) {
        return byHandle.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public Optional<PasskeyUser> findByUserHandle(String userHandle) {
        return Optional.ofNullable(byHandle.get(userHandle));
    }

    @Override
    public synchronized void save(PasskeyUser user) {
        findByUsername(user.username())
                .filter(existing -> !existing.userHandle().equals(user.userHandle()))
                .ifPresent(existing -> {
                    throw new IllegalStateException("username already has another user handle");
                });
        byHandle.put(user.userHandle(), user);
    }
}
