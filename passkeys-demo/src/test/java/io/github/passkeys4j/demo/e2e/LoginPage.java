package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /login}: the password form, the "Sign in with a passkey" button and its error area. */
final class LoginPage {

    static final By USERNAME = By.id("username");
    static final By PASSWORD = By.id("password");
    static final By PASSWORD_SUBMIT = By.id("password-submit");
    static final By PASSKEY_SIGNIN = By.id("passkey-signin");
    static final By PASSKEY_ERROR = By.id("passkey-error");

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
    }

    static LoginPage open(Browser browser) {
        browser.get("/login");
        return at(browser);
    }

    static LoginPage at(Browser browser) {
        browser.waitUntil("the login page", ExpectedConditions.visibilityOfElementLocated(PASSKEY_SIGNIN));
        return new LoginPage(browser);
    }

    String usernameAutocomplete() {
        return browser.driver().findElement(USERNAME).getDomAttribute("autocomplete");
    }

    HomePage signInWithPassword(String username, String password) {
        submitPassword(username, password);
        return HomePage.at(browser);
    }

    void submitPassword(String username, String password) {
        browser.driver().findElement(USERNAME).sendKeys(username);
        browser.driver().findElement(PASSWORD).sendKeys(password);
        browser.driver().findElement(PASSWORD_SUBMIT).click();
    }

    void clickPasskeySignIn() {
        browser.driver().findElement(PASSKEY_SIGNIN).click();
    }

    HomePage signInWithPasskey() {
        clickPasskeySignIn();
        return HomePage.at(browser);
    }

    /** Waits for the passkey error area to say something, and returns it. */
    String passkeyError() {
        browser.waitUntil(
                "a message in #passkey-error",
                driver -> !driver.findElement(PASSKEY_ERROR).getText().isBlank());
        return browser.text(PASSKEY_ERROR);
    }
}
