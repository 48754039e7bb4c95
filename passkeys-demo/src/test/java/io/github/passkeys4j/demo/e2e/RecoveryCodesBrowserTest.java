package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Axe;
import io.github.passkeys4j.testing.browser.ManagePasskeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery codes in Chromium, at a phone's width and a desktop's: a user makes codes on the demo's passkeys page
 * (confirm, then the codes once), loses their device (a new virtual authenticator, signed out), enters a code on the
 * login page, lands on the passkeys page asked to add a passkey, adds one with the virtual authenticator and signs in
 * with it. Not covered here: the clipboard (headless Chromium has no user gesture permission for it) and printing
 * (window.print opens no dialog headless); the buttons are checked to be there and reachable.
 */
@ActiveProfiles("test")
class RecoveryCodesBrowserTest extends BrowserTest {

    private static final By COUNT = By.id("recovery-codes-count");
    private static final By CODES = By.cssSelector("#recovery-codes-list code");

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void codesMadeOnThePasskeysPageLetAUserWhoLostTheirPasskeyAddANewOne(int width) {
        browser.replaceAuthenticator();
        browser.forgetSession();
        browser.width(width);
        String username = Users.unique("recovery-" + width);
        PasskeysPage page = SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys();
        page.addPasskey("Old phone");

        // Make codes: the count, a confirmation, then the codes once.
        browser.waitUntil(
                "the recovery codes count", d -> !d.findElement(COUNT).getText().isBlank());
        assertThat(browser.text(COUNT)).startsWith("You have no unused recovery codes.");
        browser.driver().findElement(By.id("recovery-codes-create")).click();
        browser.waitUntil(
                "the confirmation", ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes-dialog")));
        assertThat(browser.text(By.id("recovery-codes-dialog-text"))).contains("old codes will stop working");
        browser.driver().findElement(By.id("recovery-codes-confirm")).click();
        browser.waitUntil("ten new codes", d -> d.findElements(CODES).size() == 10);
        List<String> codes = browser.driver().findElements(CODES).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(codes)
                .allMatch(c -> c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .doesNotHaveDuplicates();
        assertThat(browser.run("return document.activeElement.id;"))
                .as("focus moves to the new codes")
                .isEqualTo("recovery-codes-new");
        assertThat(browser.driver()
                        .findElement(By.id("recovery-codes-download"))
                        .getDomAttribute("href"))
                .startsWith("data:text/plain")
                .contains(codes.get(0));
        for (String button : List.of("recovery-codes-copy", "recovery-codes-print", "recovery-codes-done")) {
            assertThat(browser.driver().findElement(By.id(button)).isDisplayed())
                    .as(button)
                    .isTrue();
        }
        browser.checkLayout("recovery-codes");
        Axe.assertNoViolations(browser, "new recovery codes at " + width + " px");
        browser.driver().findElement(By.id("recovery-codes-done")).click();
        browser.waitUntil(
                "the count after the new codes",
                d -> d.findElement(COUNT).getText().startsWith("Codes left: 10"));
        assertThat(browser.driver().findElements(CODES)).as("shown once").isEmpty();

        // The device is lost: a new authenticator with no passkey, signed out.
        browser.replaceAuthenticator();
        browser.forgetSession();
        LoginPage.open(browser);
        browser.driver().findElement(By.cssSelector("#recovery summary")).click();
        browser.driver().findElement(By.id("recovery-username")).sendKeys(username);
        // Typed loosely: small letters, no dashes.
        browser.driver()
                .findElement(By.id("recovery-code"))
                .sendKeys(codes.get(4).replace("-", "").toLowerCase(Locale.ROOT));
        browser.checkLayout("recovery-login");
        browser.driver().findElement(By.id("recovery-submit")).click();

        browser.waitUntil("the passkeys page in recovery", ExpectedConditions.urlContains("/passkeys/manage?recovery"));
        browser.waitUntil(
                "the recovery banner", ExpectedConditions.visibilityOfElementLocated(By.id("recovery-message")));
        assertThat(browser.text(By.id("recovery-message"))).contains("Add a passkey now");
        ManagePasskeys.waitForAddButton(browser);
        assertThat(browser.driver().findElement(By.id("recovery-sign-in")).isDisplayed())
                .as("no sign-in before there is a passkey")
                .isFalse();
        // A way out instead of "Back" (the app would only send it here again), and no refused call behind the page.
        assertThat(browser.driver()
                        .findElement(By.cssSelector("form.passkeys-back button"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("p.passkeys-back"))
                        .isDisplayed())
                .isFalse();
        browser.waitUntil("the page's call for the Signal API's data", d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return performance.getEntriesByType('resource')"
                        + ".some(e => e.name.endsWith('/passkeys/signals'))"));
        assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll())
                .extracting(LogEntry::getMessage)
                .noneMatch(message -> message.contains("403"));
        browser.checkLayout("recovery-add-passkey");
        Axe.assertNoViolations(browser, "recovery session at " + width + " px");
        ManagePasskeys.clickAdd(browser, "New phone");
        browser.waitUntil(
                "the sign-in button", ExpectedConditions.visibilityOfElementLocated(By.id("recovery-sign-in")));
        assertThat(browser.text(By.id("recovery-message"))).contains("Sign in with it");
        browser.driver().findElement(By.id("recovery-sign-in")).click();

        HomePage home = HomePage.at(browser);
        assertThat(home.whoami()).contains(username);
        home.managePasskeys();
        browser.waitUntil(
                "the count after the recovery",
                d -> d.findElement(COUNT).getText().startsWith("Codes left: 9"));
    }
}
