package dev.passkeys.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A thread-safe {@link PasskeyUserRepository} in memory, indexed both ways. */
public final class InMemoryPasskeyUserRepository implements PasskeyUserRepository {

    private final Map<String, PasskeyUser> byHandle = new HashMap<>();
    private final Map<String, PasskeyUser> byUsername = new HashMap<>();

    @Override
    public synchronized Optional<PasskeyUser> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public synchronized Optional<PasskeyUser> findByUserHandle(String userHandle) {
        return Optional.ofNullable(byHandle.get(userHandle));
    }

    @Override
    public synchronized void save(PasskeyUser user) {
        PasskeyUser sameName = byUsername.get(user.username());
        if (sameName != null && !sameName.userHandle().equals(user.userHandle())) {
            throw new IllegalStateException("username already has another user handle");
        }
        PasskeyUser previous = byHandle.put(user.userHandle(), user);
        if (previous != null) {
            byUsername.remove(previous.username());
        }
        byUsername.put(user.username(), user);
    }
}
