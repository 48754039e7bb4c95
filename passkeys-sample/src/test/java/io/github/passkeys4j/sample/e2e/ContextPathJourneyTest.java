package io.github.passkeys4j.sample.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (a) The README's journey inside Acme Notes, under its context path {@code /acme}: sign up with a password, sign
 * in, add a passkey on {@code /acme/passkeys/manage}, sign out, "Sign in with a passkey", and be that user again —
 * on a desktop and on a phone-sized screen, every page without sideways scrolling.
 */
class ContextPathJourneyTest extends BrowserTest {

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void passwordSignUpAddPasskeySignOutSignInWithThePasskey(int width) {
        browser.width(width);
        String username = unique("journey");

        Pages.Login login = Pages.Signup.withPassword(browser, username, PASSWORD);
        browser.checkLayout("login-signed-up");
        Pages.Home home = login.signInWithPassword(username, PASSWORD);
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("password");
        browser.checkLayout("home");

        PasskeysPage passkeys = PasskeysPage.open(browser);
        assertThat(browser.path()).isEqualTo("/acme/passkeys/manage");
        passkeys.addPasskey("Journey laptop");
        assertThat(passkeys.names()).containsExactly("Journey laptop");
        assertThat(browser.credentialIds()).hasSize(1);
        assertThat(passkeys.credentialIds()).containsExactlyElementsOf(browser.credentialIds());
        assertThat(passkeys.nameLines("Journey laptop"))
                .as("the passkey's name is on one line at %d px", width)
                .isBetween(0.5, 1.5);
        browser.checkLayout("passkeys");

        login = Pages.Home.open(browser).signOut();
        assertThat(browser.path()).startsWith("/acme/login");
        browser.checkLayout("login");

        home = login.signInWithPasskey();
        assertThat(browser.path()).startsWith("/acme/");
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(Pages.Account.open(browser).username()).isEqualTo(username);
        browser.checkLayout("account");
    }
}
