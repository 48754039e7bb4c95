package io.github.passkeys4j.sample.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Page objects for Acme Notes' own pages (the passkeys page is the starter's: {@link PasskeysPage}). */
final class Pages {

    private Pages() {}

    /** {@code /login}: the password form and the "Sign in with a passkey" button with its error area. */
    record Login(Browser browser) {

        static Login open(Browser browser) {
            browser.get("/login");
            return at(browser);
        }

        static Login at(Browser browser) {
            browser.waitUntil("the login page", ExpectedConditions.visibilityOfElementLocated(By.id("passkey-signin")));
            return new Login(browser);
        }

        Home signInWithPassword(String username, String password) {
            submitPassword(username, password);
            return Home.at(browser);
        }

        void submitPassword(String username, String password) {
            browser.driver().findElement(By.id("username")).sendKeys(username);
            browser.driver().findElement(By.id("password")).sendKeys(password);
            browser.driver().findElement(By.id("password-submit")).click();
        }

        void clickPasskeySignIn() {
            browser.driver().findElement(By.id("passkey-signin")).click();
        }

        Home signInWithPasskey() {
            clickPasskeySignIn();
            return Home.at(browser);
        }

        /**
         * Clicks "Sign in with a passkey" expecting a refusal: waits until the page shows an error or the browser
         * lands on a signed-in page, and returns what the error area says (empty when the browser got signed in).
         */
        String passkeySignInOutcome() {
            clickPasskeySignIn();
            browser.waitUntil(
                    "an error on the login page, or a signed-in page",
                    driver -> !driver.findElements(By.id("whoami")).isEmpty()
                            || driver.findElements(By.id("passkey-error")).stream()
                                    .anyMatch(e -> !e.getText().isBlank()));
            return browser.driver().findElements(By.id("passkey-error")).stream()
                    .map(e -> e.getText().strip())
                    .findFirst()
                    .orElse("");
        }

        /** Waits for the passkey error area to say something, and returns it. */
        String passkeyError() {
            browser.waitUntil(
                    "a message in #passkey-error",
                    driver -> !driver.findElement(By.id("passkey-error"))
                            .getText()
                            .isBlank());
            return browser.text(By.id("passkey-error"));
        }
    }

    /** {@code /signup} (with a password) and {@code /signup/passkey} (without). */
    record Signup(Browser browser) {

        static Login withPassword(Browser browser, String username, String password) {
            browser.get("/signup");
            fill(browser, username, "signup");
            browser.driver().findElement(By.id("password")).sendKeys(password);
            browser.driver().findElement(By.id("signup-submit")).click();
            browser.waitUntil("the login page after sign-up", ExpectedConditions.urlContains("/login?signedUp"));
            return Login.at(browser);
        }

        /**
         * Signs up with a username and a passkey (the virtual authenticator's); the new account's 10 recovery codes are
         * shown once, then "continue" lands the new user signed in.
         */
        static Home withoutPassword(Browser browser, String username) {
            browser.get("/signup/passkey");
            fill(browser, username, "signup-passkey");
            browser.driver().findElement(By.id("signup-submit")).click();
            By next = By.cssSelector("[data-passkey-signup-continue]");
            browser.waitUntil("the new account's recovery codes", ExpectedConditions.visibilityOfElementLocated(next));
            assertThat(browser.driver().findElements(By.cssSelector("[data-passkey-signup-codes] li")))
                    .hasSize(10);
            browser.checkLayout("signup-passkey-codes");
            browser.driver().findElement(next).click();
            return Home.at(browser);
        }

        private static void fill(Browser browser, String username, String page) {
            browser.waitUntil(
                    "the sign-up form", ExpectedConditions.visibilityOfElementLocated(By.id("signup-submit")));
            browser.checkLayout(page);
            browser.driver().findElement(By.id("username")).sendKeys(username);
        }
    }

    /** {@code /}: who is signed in, how, and the notes. */
    record Home(Browser browser) {

        static Home open(Browser browser) {
            browser.get("/");
            return at(browser);
        }

        static Home at(Browser browser) {
            browser.waitUntil(
                    "the signed-in home page (Your notes)",
                    ExpectedConditions.visibilityOfElementLocated(By.id("whoami")));
            return new Home(browser);
        }

        String whoami() {
            return browser.text(By.id("whoami"));
        }

        String how() {
            return browser.text(By.id("how"));
        }

        Login signOut() {
            browser.driver().findElement(By.id("signout")).click();
            browser.waitUntil("the login page after sign-out", ExpectedConditions.urlContains("/login?signedOut"));
            return Login.at(browser);
        }
    }

    /** {@code /account}: username, how the account signs in, change username, delete. */
    record Account(Browser browser) {

        static Account open(Browser browser) {
            browser.get("/account");
            browser.waitUntil(
                    "the account page", ExpectedConditions.visibilityOfElementLocated(By.id("account-username")));
            return new Account(browser);
        }

        String username() {
            return browser.text(By.id("account-username"));
        }

        String signInMethods() {
            return browser.text(By.id("sign-in-methods"));
        }

        Account changeUsername(String newUsername) {
            WebElement input = browser.driver().findElement(By.id("new-username"));
            input.clear();
            input.sendKeys(newUsername);
            browser.driver().findElement(By.id("change-username")).click();
            browser.waitUntil("the account page after the change", ExpectedConditions.urlContains("/account?renamed"));
            return this;
        }

        /** Opens the confirmation, ticks the box, deletes; the app signs out and shows the login page. */
        Login deleteAccount() {
            browser.driver().findElement(By.id("delete-account")).click();
            browser.waitUntil(
                    "the delete confirmation", ExpectedConditions.visibilityOfElementLocated(By.id("delete-confirm")));
            browser.checkLayout("delete-account");
            browser.driver().findElement(By.id("delete-confirm")).click();
            browser.driver().findElement(By.id("delete-submit")).click();
            browser.waitUntil("the login page after deletion", ExpectedConditions.urlContains("/login?deleted"));
            return Login.at(browser);
        }
    }

    /** Texts of elements, for lists. */
    static List<String> texts(Browser browser, By by) {
        return browser.driver().findElements(by).stream()
                .map(e -> e.getText().strip())
                .toList();
    }
}
