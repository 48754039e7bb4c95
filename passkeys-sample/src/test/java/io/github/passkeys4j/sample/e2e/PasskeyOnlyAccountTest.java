package io.github.passkeys4j.sample.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (b) An account without a password: sign up with a username and a passkey (the starter's sign-up, the account made by
 * the app's {@code PasskeySignUpAccounts}), signed in at once; sign out, sign in with the passkey. On a phone-sized
 * screen.
 */
class PasskeyOnlyAccountTest extends BrowserTest {

    @Test
    void signUpWithoutPasswordAddPasskeySignOutSignInWithIt() {
        browser.width(390);
        String username = unique("nopass");

        Pages.Home signedUp = Pages.Signup.withoutPassword(browser, username);
        assertThat(signedUp.whoami()).isEqualTo(username);
        assertThat(signedUp.how()).isEqualTo("passkey");
        PasskeysPage passkeys = PasskeysPage.open(browser);
        assertThat(browser.credentialIds()).hasSize(1);
        assertThat(passkeys.credentialIds()).containsExactlyElementsOf(browser.credentialIds());
        browser.checkLayout("passkey-only-passkeys");

        Pages.Account account = Pages.Account.open(browser);
        assertThat(account.signInMethods()).contains("passkey only");
        assertThat(tables.appUser(username))
                .hasValueSatisfying(row -> assertThat(row.passwordHash())
                        .as("app_user.password_hash")
                        .isNull());

        Pages.Login login = Pages.Home.open(browser).signOut();
        Pages.Home home = login.signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        browser.checkLayout("passkey-only-home");
    }

    @Test
    void passkeyOnlyAccountCannotSignInWithAPassword() {
        String username = unique("nopass");
        Pages.Signup.withoutPassword(browser, username);
        browser.forgetSession();

        for (String password : new String[] {PASSWORD, "null"}) {
            Pages.Login.open(browser).submitPassword(username, password);
            browser.waitUntil("the login page to refuse the password", ExpectedConditions.urlContains("/login?error"));
            browser.get("/account");
            assertThat(browser.path()).as("still signed out").isEqualTo("/acme/login");
        }
    }
}
