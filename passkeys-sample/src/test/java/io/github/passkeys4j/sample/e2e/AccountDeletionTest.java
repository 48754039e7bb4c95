package io.github.passkeys4j.sample.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (c) "Delete my account" (the app deletes its app_user row and publishes {@code AccountDeletedEvent}): the account's
 * passkeys are gone from storage and sign in to nobody — also once someone else signs up with the same username,
 * while the old passkey is still in the authenticator. The first test on a phone-sized screen.
 */
class AccountDeletionTest extends BrowserTest {

    @Test
    void deletedAccountsPasskeysAreGoneFromStorageAndSignInToNobody() {
        browser.width(390);
        String username = unique("leaver");
        Pages.Signup.withoutPassword(browser, username);
        String credentialId = browser.credentialIds().get(0);
        String userHandle = tables.userHandleOf(credentialId).orElseThrow();
        assertThat(tables.passkeyUsers(userHandle)).isEqualTo(1);
        String accountId = Long.toString(tables.appUser(username).orElseThrow().id());

        Pages.Login login = Pages.Account.open(browser).deleteAccount();
        assertThat(tables.appUser(username)).as("the app's own row").isEmpty();

        assertThat(tables.passkeys(credentialId))
                .as("the deleted account's passkey in passkeys_credential")
                .isZero();
        assertThat(tables.passkeysOfUserHandle(userHandle))
                .as("passkeys of its user handle")
                .isZero();
        assertThat(tables.passkeyUsers(userHandle))
                .as("its user handle in passkeys_user")
                .isZero();
        assertThat(tables.pendingCeremonies(accountId))
                .as("its unfinished ceremonies")
                .isZero();

        String refusal = login.passkeySignInOutcome();
        assertThat(browser.path()).as("still on the login page").startsWith("/acme/login");
        assertThat(refusal).as("the page says the passkey was refused").isNotBlank();
        browser.get("/account");
        assertThat(browser.path()).as("signed in to nobody").isEqualTo("/acme/login");
    }

    @Test
    void usernameTakenAgainGetsNoneOfTheOldPasskeys() {
        String username = unique("reused");
        Pages.Signup.withPassword(browser, username, PASSWORD).signInWithPassword(username, PASSWORD);
        PasskeysPage.open(browser).addPasskey("First owner's laptop");
        String oldCredentialId = browser.credentialIds().get(0);
        Pages.Account.open(browser).deleteAccount();

        // Someone else signs up with the freed username; the first owner's passkey stays in the authenticator.
        Pages.Home home = Pages.Signup.withPassword(browser, username, PASSWORD).signInWithPassword(username, PASSWORD);
        assertThat(home.whoami()).isEqualTo(username);
        PasskeysPage passkeys = PasskeysPage.open(browser);
        assertThat(passkeys.error()).isEmpty();
        assertThat(passkeys.credentialIds())
                .as("the new account's passkeys page")
                .isEmpty();
        assertThat(passkeys.saysEmpty()).isTrue();
        assertThat(browser.credentialIds()).containsExactly(oldCredentialId);

        Pages.Login login = Pages.Home.open(browser).signOut();
        String refusal = login.passkeySignInOutcome();
        assertThat(browser.path())
                .as("the old passkey did not sign in to the new account")
                .startsWith("/acme/login");
        assertThat(refusal).isNotBlank();
        browser.get("/account");
        assertThat(browser.path()).isEqualTo("/acme/login");
    }
}
