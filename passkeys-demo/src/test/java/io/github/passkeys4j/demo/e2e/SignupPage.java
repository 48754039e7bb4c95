package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /signup}: username and password. */
final class SignupPage {

    private final Browser browser;

    private SignupPage(Browser browser) {
        this.browser = browser;
    }

    static SignupPage open(Browser browser) {
        browser.get("/signup");
        browser.waitUntil("the sign-up form", ExpectedConditions.visibilityOfElementLocated(By.id("signup-submit")));
        return new SignupPage(browser);
    }

    /** Signs up; the demo then sends the new user to {@code /login?signedUp}. */
    LoginPage signUp(String username, String password) {
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("signup-submit")).click();
        browser.waitUntil("the login page after sign-up", ExpectedConditions.urlContains("/login?signedUp"));
        return LoginPage.at(browser);
    }
}
