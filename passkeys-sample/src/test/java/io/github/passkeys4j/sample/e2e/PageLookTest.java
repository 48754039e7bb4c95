package io.github.passkeys4j.sample.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of Acme Notes, an app written without us in mind, with the starter's passkeys page and login button, at
 * 390 px and 1280 px in light and dark mode (issue 9): axe-core finds no violation, and from element geometry nothing
 * scrolls sideways, no text box is narrower than a word, every button is fully visible ({@link PageChecks}).
 * Screenshots go to {@code target/screenshots/}.
 */
class PageLookTest extends BrowserTest {

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void everyPage(int width) {
        browser.width(width);
        PageChecks checks = new PageChecks(browser);

        Pages.Login.open(browser);
        browser.waitUntil(
                "the autofill request", driver -> !browser.credentialRequests().isEmpty());
        checks.check("login-autofill");
        open("/signup", By.id("signup-submit"));
        checks.check("signup");
        open("/signup/passkey", By.id("signup-submit"));
        checks.check("signup-passkey");

        String username = unique("look" + width);
        Pages.Login login = Pages.Signup.withPassword(browser, username, PASSWORD);
        checks.check("login-signed-up");
        login.signInWithPassword(username, PASSWORD);
        checks.check("home");

        PasskeysPage passkeys = PasskeysPage.open(browser);
        checks.check("passkeys-none");
        passkeys.addPasskey("Laptop");
        checks.check("passkeys-one");

        Pages.Account.open(browser);
        checks.check("account");
        open("/account/delete", By.id("delete-submit"));
        checks.check("account-delete");

        Pages.Home.open(browser).signOut();
        checks.check("login-signed-out");
        Pages.Login.at(browser).signInWithPassword("admin", "admin password");
        open("/admin", By.tagName("h1"));
        checks.check("admin");

        assertThat(checks.checked()).hasSize(22);
        checks.assertAllPassed();
    }

    private void open(String path, By shown) {
        browser.get(path);
        browser.waitUntil(path, ExpectedConditions.visibilityOfElementLocated(shown));
    }
}
