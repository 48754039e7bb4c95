package dev.passkeys;

import dev.passkeys.PasskeyException.Reason;
import dev.passkeys.store.Passkey;
import dev.passkeys.store.PasskeyRepository;
import dev.passkeys.store.PasskeyUser;
import dev.passkeys.store.PasskeyUserRepository;

import java.util.List;

/**
 * What a user may do with their own passkeys: list, rename, disable or enable, delete. Every operation names the user
 * it acts for, and a passkey of anyone else is answered exactly like one that does not exist
 * ({@code PASSKEY_NOT_FOUND}), so IDs of other users' passkeys reveal nothing. Get it from
 * {@link RelyingParty#management()}.
 */
public final class PasskeyManagement {

    private final PasskeyRepository passkeys;
    private final PasskeyUserRepository users;

    PasskeyManagement(PasskeyRepository passkeys, PasskeyUserRepository users) {
        this.passkeys = passkeys;
        this.users = users;
    }

    /** The user's passkeys, oldest first; empty for a user who never added one. */
    public List<Passkey> list(String username) {
        return users.findByUsername(username)
                .map(user -> passkeys.findByUserHandle(user.userHandle()))
                .orElse(List.of());
    }

    /** The user's passkey with this credential ID. */
    public Passkey get(String username, String credentialId) {
        return owned(username, credentialId);
    }

    /**
     * @throws PasskeyException {@code INVALID_NAME} when the name is blank, longer than 64 characters or has control
     *                          characters; {@code PASSKEY_NOT_FOUND} when the user has no such passkey
     */
    public Passkey rename(String username, String credentialId, String name) {
        String clean = RegistrationCeremony.cleanName(name);
        if (clean == null) {
            throw new PasskeyException(Reason.INVALID_NAME, "A passkey needs a name.");
        }
        Passkey renamed = owned(username, credentialId).withName(clean);
        store(renamed);
        return renamed;
    }

    /**
     * @param canSignInOtherwise whether the account has another way in (a password); when not, disabling its last
     *                           enabled passkey is refused with {@code LAST_SIGN_IN_METHOD}
     */
    public Passkey setEnabled(String username, String credentialId, boolean enabled, boolean canSignInOtherwise) {
        Passkey passkey = owned(username, credentialId);
        if (!enabled) {
            guardLastWayIn(username, passkey, canSignInOtherwise);
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
    public Passkey delete(String username, String credentialId, boolean canSignInOtherwise) {
        Passkey passkey = owned(username, credentialId);
        guardLastWayIn(username, passkey, canSignInOtherwise);
        if (!passkeys.delete(credentialId)) {
            throw new PasskeyException(Reason.PASSKEY_NOT_FOUND);
        }
        return passkey;
    }

    private void guardLastWayIn(String username, Passkey leaving, boolean canSignInOtherwise) {
        if (canSignInOtherwise || !leaving.enabled()) {
            return;
        }
        boolean anotherEnabled = list(username).stream()
                .anyMatch(p -> p.enabled() && !p.credentialId().equals(leaving.credentialId()));
        if (!anotherEnabled) {
            throw new PasskeyException(Reason.LAST_SIGN_IN_METHOD);
        }
    }

    private Passkey owned(String username, String credentialId) {
        String owner = users.findByUsername(username).map(PasskeyUser::userHandle).orElse(null);
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
