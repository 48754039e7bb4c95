package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Axe;
import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a sign-in with a passkey from another device, the home page offers one on this device; then the immediate
 * "Sign in" button on the login page (Chromium 156 reports {@code immediateGet}, and the shipped form is
 * {@code uiMode: "immediate"}: {@code mediation: "immediate"} is refused as an unknown enum value).
 * <p>
 * What this cannot cover: Chromium's virtual authenticators have no hybrid (phone) transport in Selenium's options, so
 * "another device" is a second virtual authenticator on USB, which Chromium reports as {@code cross-platform} (the
 * same signal a phone over hybrid gives); and Chrome's real immediate sheet (its account chooser) is not drawn
 * headless: the virtual authenticator answers the immediate request directly, or refuses it when it has no passkey.
 */
@ActiveProfiles("test")
class PasskeyOtherDeviceBrowserTest extends BrowserTest {

    private UpgradeBrowser upgrade;

    @Override
    void browserOpened() {
        upgrade = new UpgradeBrowser(browser);
    }

    @BeforeEach
    void freshSession() {
        browser.forgetSession();
        browser.replaceAuthenticator();
        LoginPage.open(browser);
        upgrade.forgetCreateCalls();
        upgrade.install(true, false); // the password sign-ins below must not make a passkey by themselves
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void aPasskeyFromAnotherDeviceLeadsToAnOfferForThisDevice(int width) {
        // A browser of its own: its authenticators are swapped below, which the shared one must not see.
        try (Browser browser = Browser.open(port)) {
            UpgradeBrowser upgrade = new UpgradeBrowser(browser);
            upgrade.install(true, false); // the password sign-in below must not make a platform passkey by itself
            browser.width(width);
            String username = Users.unique("device" + width);
            // The security key (or phone) alone, so it is the one that answers.
            browser.driver().removeVirtualAuthenticator(browser.authenticator());
            VirtualAuthenticator key = browser.driver().addVirtualAuthenticator(UpgradeBrowser.securityKey());
            SignupPage.open(browser)
                    .signUp(username, Users.PASSWORD)
                    .signInWithPassword(username, Users.PASSWORD)
                    .managePasskeys()
                    .addPasskey("Security key");
            LoginPage login = HomePage.open(browser).signOut();
            HomePage home = login.signInWithPasskey();
            assertThat(home.how()).isEqualTo("passkey");
            assertThat(browser.run("return sessionStorage.getItem('passkeys.attachment')"))
                    .isEqualTo("cross-platform");

            assertThat(upgrade.waitForState("prompt", "none")).isEqualTo("prompt");
            assertThat(upgrade.box().getText()).contains("Create a passkey on this device", "another device");
            browser.checkLayout("offer for this device");
            Axe.assertNoViolations(browser, "the offer for this device");

            // This device's own authenticator now, instead of the key.
            browser.driver().removeVirtualAuthenticator(key);
            browser.driver().addVirtualAuthenticator(UpgradeBrowser.platform());
            upgrade.clickCreate();

            assertThat(upgrade.waitForState("created")).isEqualTo("created");
            assertThat(PasskeysPage.open(browser).names()).hasSize(2).contains("Security key");
            // Signed in again on this device with its own passkey: no offer.
            HomePage.open(browser).signOut().signInWithPasskey();
            assertThat(browser.run("return sessionStorage.getItem('passkeys.attachment')"))
                    .isEqualTo("platform");
            assertThat(upgrade.waitForState("prompt", "none")).isEqualTo("none");
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theImmediateButtonSignsInWithAPasskeyHereAndOtherwiseSendsTheUserToTheForm(int width) {
        browser.width(width);
        LoginPage login = LoginPage.open(browser);
        By immediate = By.id("immediate-signin");
        browser.waitUntil(
                "the immediate Sign in button", d -> d.findElement(immediate).isDisplayed());

        // No passkey on this device: refused at once, the user is sent to the username field.
        browser.clearCredentialRequests();
        browser.driver().findElement(immediate).click();
        assertThat(login.passkeyError()).contains("No passkey for this site on this device");
        assertThat(browser.run("return document.activeElement.id")).isEqualTo("username");
        assertThat(browser.credentialRequests())
                .as("the immediate request (no mediation member: it is uiMode), refused at once")
                .anySatisfy(call ->
                        assertThat(call).containsEntry("mediation", null).containsEntry("outcome", "NotAllowedError"));

        String username = Users.unique("immediate" + width);
        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Laptop");
        HomePage.open(browser).signOut();
        browser.waitUntil(
                "the login page's autofill request",
                driver -> browser.credentialRequests().stream()
                        .anyMatch(call -> "/login?logout".equals(call.get("page"))));

        browser.driver().findElement(immediate).click();

        HomePage home = HomePage.at(browser);
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(browser.credentialRequests())
                .as("the autofill request (held, then aborted), then the immediate one, answered")
                .anySatisfy(call -> assertThat(call)
                        .containsEntry("page", "/login?logout")
                        .containsEntry("mediation", "conditional")
                        .containsEntry("aborted", true))
                .anySatisfy(call ->
                        assertThat(call).containsEntry("mediation", null).containsEntry("outcome", "resolved"));
    }
}
