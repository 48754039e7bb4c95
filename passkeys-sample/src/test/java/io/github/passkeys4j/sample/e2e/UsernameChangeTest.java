package io.github.passkeys4j.sample.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (d) "Change my username" (the app renames its app_user row and publishes {@code UsernameChangedEvent}): the passkey
 * stays on the account and signs in to it under its new name.
 */
class UsernameChangeTest extends BrowserTest {

    @Test
    void passkeySignsInToTheRenamedAccount() {
        String before = unique("before");
        String after = unique("after");
        Pages.Signup.withPassword(browser, before, PASSWORD).signInWithPassword(before, PASSWORD);
        PasskeysPage.open(browser).addPasskey("Work laptop");
        String credentialId = browser.credentialIds().get(0);

        Pages.Account account = Pages.Account.open(browser).changeUsername(after);
        assertThat(account.username()).isEqualTo(after);
        browser.checkLayout("account-renamed");
        assertThat(tables.appUser(before)).isEmpty();
        assertThat(PasskeysPage.open(browser).credentialIds())
                .as("the renamed account's passkeys")
                .containsExactly(credentialId);

        Pages.Home home = Pages.Home.open(browser).signOut().signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(after);
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(Pages.Account.open(browser).username()).isEqualTo(after);
        assertThat(tables.passkeys(credentialId)).isEqualTo(1);
    }
}
