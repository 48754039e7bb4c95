package io.github.passkeys4j.sample;

import io.github.passkeys4j.spring.account.PasskeySignUpAccounts;
import org.springframework.stereotype.Component;

/**
 * How Acme Notes makes the account of a passkey-only sign-up (the starter's {@code /signup/passkey} flow): an
 * {@code app_user} row with no password hash, whose id is the account id (see {@code SecurityConfig}'s
 * {@code AccountIdResolver}). Declaring it turns the starter's sign-up endpoints on. The row is written in the
 * passkey storage's transaction (same DataSource), so a sign-up that fails later leaves no row behind; the unique
 * username makes the second of two racing sign-ups a 409.
 */
@Component
class PasskeySignUps implements PasskeySignUpAccounts {

    private final AppUsers users;

    PasskeySignUps(AppUsers users) {
        this.users = users;
    }

    @Override
    public boolean usernameExists(String username) {
        return users.exists(username);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the username was taken meanwhile (then 409) */
    @Override
    public String createAccount(String username, String displayName) {
        return Long.toString(users.create(username, null).id());
    }
}
