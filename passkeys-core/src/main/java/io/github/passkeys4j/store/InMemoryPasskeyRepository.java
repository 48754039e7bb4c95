package io.github.passkeys4j.store;

import io.github.passkeys4j.PasskeyException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A thread-safe {@link PasskeyRepository} in memory, for tests, demos and single-node apps that need no persistence.
 * Passkeys are indexed by credential ID and by user handle, so no lookup scans every passkey.
 */
public final class InMemoryPasskeyRepository implements PasskeyRepository {

    private static final Comparator<Passkey> OLDEST_FIRST =
            Comparator.comparing(Passkey::createdAt).thenComparing(Passkey::credentialId);

    private final Map<String, Passkey> byCredentialId = new HashMap<>();
    private final Map<String, Set<String>> credentialIdsByUser = new HashMap<>();

    @Override
    public synchronized void add(Passkey passkey) {
        if (byCredentialId.containsKey(passkey.credentialId())) {
            throw new PasskeyException(PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED);
        }
        byCredentialId.put(passkey.credentialId(), passkey);
        credentialIdsByUser
                .computeIfAbsent(passkey.userHandle(), u -> new LinkedHashSet<>())
                .add(passkey.credentialId());
    }

    @Override
    public synchronized boolean recordUse(Passkey used, long expectedSignCount) {
        Passkey stored = byCredentialId.get(used.credentialId());
        if (stored == null || stored.signCount() != expectedSignCount || !stored.enabled()) {
            return false;
        }
        byCredentialId.put(
                stored.credentialId(),
                stored.usedAt(used.lastUsedAt(), used.signCount(), used.backupState(), used.uvInitialized()));
        return true;
    }

    @Override
    public synchronized boolean updateSettings(Passkey passkey) {
        Passkey stored = byCredentialId.get(passkey.credentialId());
        if (stored == null) {
            return false;
        }
        byCredentialId.put(
                stored.credentialId(), stored.withName(passkey.name()).withEnabled(passkey.enabled()));
        return true;
    }

    @Override
    public synchronized Optional<Passkey> findByCredentialId(String credentialId) {
        return Optional.ofNullable(byCredentialId.get(credentialId));
    }

    @Override
    public synchronized List<Passkey> findByUserHandle(String userHandle) {
        return credentialIdsByUser.getOrDefault(userHandle, Set.of()).stream()
                .map(byCredentialId::get)
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized boolean delete(String credentialId) {
        Passkey removed = byCredentialId.remove(credentialId);
        if (removed == null) {
            return false;
        }
        unindex(removed);
        return true;
    }

    @Override
    public synchronized int deleteByUserHandle(String userHandle) {
        Set<String> ids = credentialIdsByUser.remove(userHandle);
        if (ids == null) {
            return 0;
        }
        ids.forEach(byCredentialId::remove);
        return ids.size();
    }

    private void unindex(Passkey passkey) {
        Set<String> ids = credentialIdsByUser.get(passkey.userHandle());
        if (ids != null) {
            ids.remove(passkey.credentialId());
            if (ids.isEmpty()) {
                credentialIdsByUser.remove(passkey.userHandle());
            }
        }
    }
}
