package dev.passkeys.store;

import dev.passkeys.PasskeyException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link PasskeyRepository} in memory, for tests, demos and single-node apps that need no persistence. */
public final class InMemoryPasskeyRepository implements PasskeyRepository {

    private final Map<String, Passkey> byCredentialId = new ConcurrentHashMap<>();

    @Override
    public void add(Passkey passkey) {
        if (byCredentialId.putIfAbsent(passkey.credentialId(), passkey) != null) {
            throw new PasskeyException(PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED);
        }
    }

    @Override
    public boolean update(Passkey passkey) {
        return byCredentialId.replace(passkey.credentialId(), passkey) != null;
    }

    @Override
    public boolean recordUse(Passkey used, long expectedSignCount) {
        boolean[] recorded = {false};
        byCredentialId.computeIfPresent(used.credentialId(), (id, stored) -> {
            if (stored.signCount() != expectedSignCount) {
                return stored;
            }
            recorded[0] = true;
            return stored.usedAt(used.lastUsedAt(), used.signCount(), used.backupState(), used.uvInitialized());
        });
        return recorded[0];
    }

    @Override
    public Optional<Passkey> findByCredentialId(String credentialId) {
        return Optional.ofNullable(byCredentialId.get(credentialId));
    }

    @Override
    public List<Passkey> findByUserHandle(String userHandle) {
        return byCredentialId.values().stream()
                .filter(p -> p.userHandle().equals(userHandle))
                .sorted(Comparator.comparing(Passkey::createdAt).thenComparing(Passkey::credentialId))
                .toList();
    }

    @Override
    public boolean delete(String credentialId) {
        return byCredentialId.remove(credentialId) != null;
    }
}
