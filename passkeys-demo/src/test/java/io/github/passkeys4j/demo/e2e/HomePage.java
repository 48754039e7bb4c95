package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /}: who is signed in and how, the link to the passkeys page, and the sign-out button. */
final class HomePage {

    static final By WHOAMI = By.id("whoami");
    static final By HOW = By.id("how");

    private final Browser browser;

    private HomePage(Browser browser) {
        this.browser = browser;
    }

    static HomePage open(Browser browser) {
        browser.get("/");
        return at(browser);
    }

    static HomePage at(Browser browser) {
        browser.waitUntil("the signed-in home page", ExpectedConditions.visibilityOfElementLocated(WHOAMI));
        return new HomePage(browser);
    }

    String whoami() {
        return browser.text(WHOAMI);
    }

    String how() {
        return browser.text(HOW);
    }

    PasskeysPage managePasskeys() {
        browser.driver().findElement(By.id("manage-passkeys")).click();
        return PasskeysPage.at(browser);
    }

    /** Clicks "Sign out" without waiting: on a page that signs in by itself the login page may not stay. */
    void clickSignOut() {
        browser.driver().findElement(By.id("signout")).click();
    }

    LoginPage signOut() {
        clickSignOut();
        browser.waitUntil("the login page after sign-out", ExpectedConditions.urlContains("/login?logout"));
        return LoginPage.at(browser);
    }
}
