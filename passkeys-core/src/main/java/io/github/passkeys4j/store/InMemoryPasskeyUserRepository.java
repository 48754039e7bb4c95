package io.github.passkeys4j.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A thread-safe {@link PasskeyUserRepository} in memory, indexed by user handle and by account id. */
public final class InMemoryPasskeyUserRepository implements PasskeyUserRepository {

    private final Map<String, PasskeyUser> byHandle = new HashMap<>();
    private final Map<String, PasskeyUser> byAccountId = new HashMap<>();

    @Override
    public synchronized Optional<PasskeyUser> findByAccountId(String accountId) {
        return Optional.ofNullable(byAccountId.get(accountId));
    }

    @Override
    public synchronized Optional<PasskeyUser> findByUserHandle(String userHandle) {
        return Optional.ofNullable(byHandle.get(userHandle));
    }

    @Override
    public synchronized List<PasskeyUser> findByUsername(String username) {
        // Few accounts have passkeys in memory, and this runs only on account deletion or rename.
        return byHandle.values().stream()
                .filter(u -> u.username().equals(username))
                .toList();
    }

    @Override
    public synchronized boolean create(PasskeyUser user) {
        if (byHandle.containsKey(user.userHandle()) || byAccountId.containsKey(user.accountId())) {
            return false;
        }
        byHandle.put(user.userHandle(), user);
        byAccountId.put(user.accountId(), user);
        return true;
    }

    @Override
    public synchronized boolean update(PasskeyUser user) {
        PasskeyUser previous = byHandle.get(user.userHandle());
        PasskeyUser sameId = byAccountId.get(user.accountId());
        if (previous == null || (sameId != null && !sameId.userHandle().equals(user.userHandle()))) {
            return false;
        }
        byAccountId.remove(previous.accountId());
        byHandle.put(user.userHandle(), user);
        byAccountId.put(user.accountId(), user);
        return true;
    }

    @Override
    public synchronized boolean delete(String userHandle) {
        PasskeyUser removed = byHandle.remove(userHandle);
        if (removed == null) {
            return false;
        }
        byAccountId.remove(removed.accountId());
        return true;
    }
}
