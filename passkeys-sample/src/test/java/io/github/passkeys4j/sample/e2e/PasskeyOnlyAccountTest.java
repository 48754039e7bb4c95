package io.github.passkeys4j.sample.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (b) An account without a password: sign up with a username only, add a passkey on the page the app sends the new
 * user to, sign out, sign in with the passkey. On a phone-sized screen.
 */
class PasskeyOnlyAccountTest extends BrowserTest {

    @Test
    void signUpWithoutPasswordAddPasskeySignOutSignInWithIt() {
        browser.width(390);
        String username = unique("nopass");

        PasskeysPage passkeys = Pages.Signup.withoutPassword(browser, username);
        assertThat(browser.path()).isEqualTo("/acme/passkeys/manage");
        assertThat(passkeys.saysEmpty()).isTrue();
        passkeys.addPasskey("My phone");
        assertThat(passkeys.names()).containsExactly("My phone");
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
