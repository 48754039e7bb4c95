package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.StorageTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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
    private final Clock clock;
    private final RecoveryCodeStore recoveryCodes;

    PasskeyManagement(
            PasskeyRepository passkeys,
            PasskeyUserRepository users,
            PendingCeremonyStore pendingCeremonies,
            StorageTransaction transaction,
            Clock clock,
            RecoveryCodeStore recoveryCodes) {
        this.clock = clock;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.users = users;
        this.pendingCeremonies = pendingCeremonies;
        this.transaction = transaction;
    }

    /** The stored account, if it ever added a passkey. */
    public Optional<PasskeyUser> account(String accountId) {
        return users.findByAccountId(accountId);
    }

    /**
     * A passkey name made elsewhere (by an app, or an import), as the library keeps names: without control characters,
     * line separators or bidirectional overrides, trimmed and cut at 64 characters rather than refused; {@code null}
     * when nothing is left.
     */
    public static String cleanedName(String name) {
        return RegistrationCeremony.fallbackName(name);
    }

    /**
     * Whether a passkey with this credential ID is stored and enabled, whoever owns it. {@code false} for a deleted,
     * disabled or unknown passkey. A session needs {@link #isActive(String, String)}, which also asks the owner.
     */
    public boolean isActive(String credentialId) {
        return passkeys.findByCredentialId(credentialId).map(Passkey::enabled).orElse(false);
    }

    /**
     * Whether the passkey is stored, enabled and still the account {@code userHandle}'s: what a session that signed in
     * with it needs to stay signed in. A passkey deleted and registered again under the same credential ID by another
     * account is not the one the session signed in with.
     */
    public boolean isActive(String credentialId, String userHandle) {
        return passkeys.isEnabled(credentialId, userHandle);
    }

    /**
     * Stores an account's current username and display name, when the application changed them without telling the
     * library (the next {@code signalCurrentUserDetails} then passes them on). Returns the stored account, updated
     * when a name differed; empty for an account that never added a passkey.
     */
    public Optional<PasskeyUser> updateNames(String accountId, String username, String displayName) {
        return users.findByAccountId(accountId).map(user -> {
            if (Objects.equals(user.username(), username) && Objects.equals(user.displayName(), displayName)) {
                return user;
            }
            PasskeyUser renamed = user.withNames(username, displayName);
            users.update(renamed);
            return renamed;
        });
    }

    /** Every stored account under this username (usually at most one; see {@link PasskeyUserRepository}). */
    public List<PasskeyUser> accountsNamed(String username) {
        return users.findByUsername(username);
    }

    /**
     * Forgets an account that the application deleted: its passkeys, recovery codes and unfinished ceremonies, in one storage
     * transaction, and starts the account id afresh (see {@link PasskeyUser#startingAfresh}): a new user handle, and
     * sessions signed in before now no longer count for it. Afterwards no passkey of the old account signs in
     * anywhere, and an account that later gets the same id starts with nothing. Returns how many passkeys were
     * deleted. A first registration of the account stored meanwhile (on another node) is deleted too, by running the
     * unit again; inside a transaction of the caller's that cannot be, and the deletion fails instead: roll back and
     * try again.
     */
    public int deleteAccount(String accountId) {
        Instant now = clock.instant();
        int deleted = untilNothingStoredMeanwhile(() -> transaction.runForAccount(accountId, () -> {
            Optional<PasskeyUser> stored = users.findByAccountId(accountId);
            int count = stored.map(user -> passkeys.deleteByUserHandle(user.userHandle()))
                    .orElse(0);
            stored.ifPresent(user -> users.delete(user.userHandle()));
            recoveryCodes.deleteAll(accountId);
            startAfresh(accountId, now);
            return count;
        }));
        pendingCeremonies.removeByAccountId(accountId);
        return deleted;
    }

    /**
     * The account id's fresh start. An account with nothing stored has no row for the account lock to hold, so a first
     * registration may store one while we work: then the unit is undone and run again, and deletes that too. The row
     * keeps no trace of the person: its username and display name are the account id.
     */
    private void startAfresh(String accountId, Instant now) {
        if (!users.create(PasskeyUser.startingAfresh(accountId, accountId, now))) {
            throw new StoredMeanwhile();
        }
    }

    private static <T> T untilNothingStoredMeanwhile(Supplier<T> unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unit.get();
            } catch (StoredMeanwhile e) {
                if (attempt == 3) {
                    throw new IllegalStateException(
                            "The account was given passkeys three times while it was being changed; try again", e);
                }
            }
        }
    }

    /** A row for the account id was stored by another transaction after this one looked. */
    private static final class StoredMeanwhile extends RuntimeException {
        StoredMeanwhile() {
            super("a first registration of the account was stored meanwhile", null, false, false);
        }
    }

    /**
     * Follows an account to a new username and, for applications whose username is the account id, a new account id;
     * the old id then starts afresh as after {@link #deleteAccount}, so a session still signed in under the old name
     * cannot add passkeys to whoever takes it next. Returns {@code false} when the account has no passkeys stored, or
     * the new account id belongs to another account.
     */
    public boolean renameAccount(String accountId, AccountNames to) {
        String newAccountId = to.accountId();
        String newUsername = to.username();
        Instant now = clock.instant();
        return untilNothingStoredMeanwhile(() -> transaction.runForAccount(accountId, () -> {
            Optional<PasskeyUser> stored = users.findByAccountId(accountId);
            Optional<PasskeyUser> target =
                    newAccountId.equals(accountId) ? Optional.empty() : users.findByAccountId(newAccountId);
            if (target.isPresent()
                    && !passkeys.findByUserHandle(target.get().userHandle()).isEmpty()) {
                return false;
            }
            // What is left at the new id (a deleted account's fresh start) keeps guarding against old sessions.
            Instant notBefore = latest(
                    stored.map(PasskeyUser::notBefore).orElse(null),
                    target.map(PasskeyUser::notBefore).orElse(null));
            target.ifPresent(left -> users.delete(left.userHandle()));
            boolean moved = stored.map(user -> users.update(user.toBuilder()
                            .accountId(newAccountId)
                            .username(newUsername)
                            .displayName(user.displayName().equals(user.username()) ? newUsername : user.displayName())
                            .notBefore(notBefore)
                            .build()))
                    .orElse(false);
            if (!newAccountId.equals(accountId)) {
                startAfresh(accountId, now);
            }
            return moved;
        }));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
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
     * Renames and/or enables or disables a passkey in one write: every change is checked before any is stored, so a
     * refused request (a bad name, the last way in) changes nothing.
     *
     * @param otherSignIn as for {@link #setEnabled}; only consulted when the change disables the passkey
     * @throws PasskeyException {@code INVALID_NAME} when the new name is blank, longer than 64 characters or has
     *                          control characters or bidirectional overrides; {@code PASSKEY_NOT_FOUND} when the user has no such passkey;
     *                          {@code LAST_SIGN_IN_METHOD} as for {@link #setEnabled}
     */
    public Passkey update(String accountId, String credentialId, SettingsChange change, OtherSignIn otherSignIn) {
        return transaction.runForAccount(accountId, () -> apply(accountId, credentialId, change, otherSignIn));
    }

    private Passkey apply(String accountId, String credentialId, SettingsChange change, OtherSignIn otherSignIn) {
        String name = change.name();
        Boolean enabled = change.enabled();
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
                guardLastWayIn(accountId, passkey, otherSignIn);
            }
            changed = changed.withEnabled(enabled);
        }
        if (!changed.equals(passkey)) {
            store(changed);
        }
        return changed;
    }

    /**
     * @param otherSignIn whether the account has another way in (a password); with {@link OtherSignIn#NONE},
     *                    disabling its last enabled passkey is refused with {@code LAST_SIGN_IN_METHOD}
     */
    public Passkey setEnabled(String accountId, String credentialId, boolean enabled, OtherSignIn otherSignIn) {
        return transaction.runForAccount(accountId, () -> {
            Passkey passkey = owned(accountId, credentialId);
            if (!enabled) {
                guardLastWayIn(accountId, passkey, otherSignIn);
            }
            Passkey changed = passkey.withEnabled(enabled);
            store(changed);
            return changed;
        });
    }

    /**
     * @param otherSignIn as for {@link #setEnabled}: deleting the last enabled passkey of an account without another
     *                    way in is refused
     * @return the passkey as it was before deletion
     */
    public Passkey delete(String accountId, String credentialId, OtherSignIn otherSignIn) {
        return transaction.runForAccount(accountId, () -> {
            Passkey passkey = owned(accountId, credentialId);
            guardLastWayIn(accountId, passkey, otherSignIn);
            if (!passkeys.delete(credentialId)) {
                throw new PasskeyException(Reason.PASSKEY_NOT_FOUND);
            }
            return passkey;
        });
    }

    /**
     * Checked and written under the account's lock (see {@link StorageTransaction#runForAccount}), on every node. Unused
     * recovery codes are a way in: a code leads to adding a passkey, so an account that has some may remove its last
     * passkey (the passkeys page says how many codes are left).
     */
    private void guardLastWayIn(String accountId, Passkey leaving, OtherSignIn otherSignIn) {
        if (otherSignIn == OtherSignIn.AVAILABLE || !leaving.enabled()) {
            return;
        }
        if (recoveryCodes.countUnused(accountId) > 0) {
            return;
        }
        boolean anotherEnabled = list(accountId).stream()
                .anyMatch(p -> p.enabled() && !p.credentialId().equals(leaving.credentialId()));
        if (!anotherEnabled) {
            throw new PasskeyException(Reason.LAST_SIGN_IN_METHOD);
        }
    }

    private Passkey owned(String accountId, String credentialId) {
        String owner =
                users.findByAccountId(accountId).map(PasskeyUser::userHandle).orElse(null);
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
