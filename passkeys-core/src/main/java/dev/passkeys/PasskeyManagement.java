package dev.passkeys;

import dev.passkeys.PasskeyException.Reason;
import dev.passkeys.store.Passkey;
import dev.passkeys.store.PasskeyRepository;
import dev.passkeys.store.PasskeyUser;
import dev.passkeys.store.PasskeyUserRepository;
import dev.passkeys.store.PendingCeremonyStore;
import dev.passkeys.store.StorageTransaction;

import java.util.List;
import java.util.Optional;

/**
 * What a user may do with their own passkeys: list, rename, disable or enable, delete; and what the application
 * does when an account is deleted or renamed. Every operation names the account (its immutable account id, see
 * {@link PasskeyUser}) it acts for, and a passkey of anyone else is answered exactly like one that does not exist
 * ({@code PASSKEY_NOT_FOUND}), so IDs of other users' passkeys reveal nothing. Get it from
 * {@link RelyingParty#management()}.
 */
public final class PasskeyManagement {

    private final PasskeyRepository passkeys;
    private final PasskeyUserRepository users;
    private final PendingCeremonyStore pendingCeremonies;
    private final StorageTransaction transaction;

    PasskeyManagement(PasskeyRepository passkeys, PasskeyUserRepository users, PendingCeremonyStore pendingCeremonies,
                      StorageTransaction transaction) {
        this.passkeys = passkeys;
        this.users = users;
        this.pendingCeremonies = pendingCeremonies;
        this.transaction = transaction;
    }

    /** The stored account, if it ever added a passkey. */
    public Optional<PasskeyUser> account(String accountId) {
        return users.findByAccountId(accountId);
    }

    /** Every stored account under this username (usually at most one; see {@link PasskeyUserRepository}). */
    public List<PasskeyUser> accountsNamed(String username) {
        return users.findByUsername(username);
    }

    /**
     * Forgets an account that the application deleted: its passkeys, its user handle and its unfinished ceremonies,
     * in one storage transaction. Afterwards no passkey of it signs in anywhere, and an account that later gets the
     * same username or id starts with nothing. Returns how many passkeys were deleted.
     */
    public int deleteAccount(String accountId) {
        int deleted = transaction.run(() -> users.findByAccountId(accountId).map(user -> {
            int count = passkeys.deleteByUserHandle(user.userHandle());
            users.delete(user.userHandle());
            return count;
        }).orElse(0));
        pendingCeremonies.removeByAccountId(accountId);
        return deleted;
    }

    /**
     * Follows an account to a new username (and, for applications whose username is the account id, a new account
     * id). Returns {@code false} when the account has no passkeys stored, or the new account id is taken.
     */
    public boolean renameAccount(String accountId, String newAccountId, String newUsername) {
        return users.findByAccountId(accountId)
                .map(user -> users.update(new PasskeyUser(user.userHandle(), newAccountId, newUsername,
                        user.displayName().equals(user.username()) ? newUsername : user.displayName())))
                .orElse(false);
    }

    /** The user's passkeys, oldest first; empty for a user who never added one. */
    public List<Passkey> list(String accountId) {
        return users.findByAccountId(accountId)
                .map(user -> passkeys.findByUserHandle(user.userHandle()))
                .orElse(List.of());
    }

    /** The user's passkey with this credential ID. */
    public Passkey get(String accountId, String credentialId) {
        return owned(accountId, credentialId);
    }

    /**
     * @throws PasskeyException {@code INVALID_NAME} when the name is blank, longer than 64 characters or has control
     *                          characters; {@code PASSKEY_NOT_FOUND} when the user has no such passkey
     */
    public Passkey rename(String accountId, String credentialId, String name) {
        String clean = RegistrationCeremony.cleanName(name);
        if (clean == null) {
            throw new PasskeyException(Reason.INVALID_NAME, "A passkey needs a name.");
        }
        Passkey renamed = owned(accountId, credentialId).withName(clean);
        store(renamed);
        return renamed;
    }

    /**
     * Renames and/or enables or disables a passkey in one write: every change is checked before any is stored, so a
     * refused request (a bad name, the last way in) changes nothing.
     *
     * @param name               the new name, or {@code null} to keep it
     * @param enabled            the new state, or {@code null} to keep it
     * @param canSignInOtherwise as for {@link #setEnabled}
     */
    public Passkey update(String accountId, String credentialId, String name, Boolean enabled,
                          boolean canSignInOtherwise) {
        Passkey passkey = owned(accountId, credentialId);
        Passkey changed = passkey;
        if (name != null) {
            String clean = RegistrationCeremony.cleanName(name);
            if (clean == null) {
                throw new PasskeyException(Reason.INVALID_NAME, "A passkey needs a name.");
            }
            changed = changed.withName(clean);
        }
        if (enabled != null) {
            if (!enabled) {
                guardLastWayIn(accountId, passkey, canSignInOtherwise);
            }
            changed = changed.withEnabled(enabled);
        }
        if (!changed.equals(passkey)) {
            store(changed);
        }
        return changed;
    }

    /**
     * @param canSignInOtherwise whether the account has another way in (a password); when not, disabling its last
     *                           enabled passkey is refused with {@code LAST_SIGN_IN_METHOD}
     */
    public Passkey setEnabled(String accountId, String credentialId, boolean enabled, boolean canSignInOtherwise) {
        Passkey passkey = owned(accountId, credentialId);
        if (!enabled) {
            guardLastWayIn(accountId, passkey, canSignInOtherwise);
        }
        Passkey changed = passkey.withEnabled(enabled);
        store(changed);
        return changed;
    }

    /**
     * @param canSignInOtherwise as for {@link #setEnabled}: deleting the last enabled passkey of an account without
     *                           another way in is refused
     * @return the passkey as it was before deletion
     */
    public Passkey delete(String accountId, String credentialId, boolean canSignInOtherwise) {
        Passkey passkey = owned(accountId, credentialId);
        guardLastWayIn(accountId, passkey, canSignInOtherwise);
        if (!passkeys.delete(credentialId)) {
            throw new PasskeyException(Reason.PASSKEY_NOT_FOUND);
        }
        return passkey;
    }

    private void guardLastWayIn(String accountId, Passkey leaving, boolean canSignInOtherwise) {
        if (canSignInOtherwise || !leaving.enabled()) {
            return;
        }
        boolean anotherEnabled = list(accountId).stream()
                .anyMatch(p -> p.enabled() && !p.credentialId().equals(leaving.credentialId()));
        if (!anotherEnabled) {
            throw new PasskeyException(Reason.LAST_SIGN_IN_METHOD);
        }
    }

    private Passkey owned(String accountId, String credentialId) {
        String owner = users.findByAccountId(accountId).map(PasskeyUser::userHandle).orElse(null);
        return passkeys.findByCredentialId(credentialId == null ? "" : credentialId)
                .filter(p -> p.userHandle().equals(owner))
                .orElseThrow(() -> new PasskeyException(Reason.PASSKEY_NOT_FOUND));
    }

    private void store(Passkey passkey) {
        if (!passkeys.updateSettings(passkey)) {
            throw new PasskeyException(Reason.PASSKEY_NOT_FOUND);
        }
    }
}
