package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** {@code /signup/passkey}: username, optional display name, "Create account with a passkey"; no password. */
final class PasskeySignUpPage {

    static final By USERNAME = By.id("username");
    static final By DISPLAY_NAME = By.id("display-name");
    static final By SUBMIT = By.id("passkey-signup-submit");
    static final By ERROR = By.id("passkey-signup-error");

    private final Browser browser;

    private PasskeySignUpPage(Browser browser) {
        this.browser = browser;
    }

    static PasskeySignUpPage open(Browser browser) {
        browser.get("/signup/passkey");
        return at(browser);
    }

    static PasskeySignUpPage at(Browser browser) {
        browser.waitUntil("the passkey sign-up form", ExpectedConditions.visibilityOfElementLocated(SUBMIT));
        return new PasskeySignUpPage(browser);
    }

    /** Types the names and sends the form with Enter, as a keyboard user does. */
    void submit(String username, String displayName) {
        browser.driver().findElement(USERNAME).clear();
        browser.driver().findElement(USERNAME).sendKeys(username);
        browser.driver().findElement(DISPLAY_NAME).clear();
        browser.driver().findElement(DISPLAY_NAME).sendKeys(displayName, Keys.ENTER);
    }

    static final By CODES = By.cssSelector("[data-passkey-signup-codes] li");
    static final By CONTINUE = By.cssSelector("[data-passkey-signup-continue]");

    /** Signs up, and returns the recovery codes shown once in place of the form. */
    List<String> signUp(String username, String displayName) {
        submit(username, displayName);
        browser.waitUntil("the new account's recovery codes", ExpectedConditions.visibilityOfElementLocated(CONTINUE));
        return browser.driver().findElements(CODES).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** "I have saved my codes, continue", by keyboard. */
    HomePage continueToApp() {
        browser.driver().findElement(CONTINUE).sendKeys(Keys.ENTER);
        return HomePage.at(browser);
    }

    /** Waits for the error line to say something, and returns it. */
    String error() {
        browser.waitUntil(
                "a message in #passkey-signup-error",
                driver -> !driver.findElement(ERROR).getText().isBlank());
        return browser.text(ERROR);
    }

    int passwordFields() {
        return browser.driver()
                .findElements(By.cssSelector("input[type=password]"))
                .size();
    }
}
