package dev.passkeys.sample.e2e;

import dev.passkeys.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The starter's passkeys page, {@code /acme/passkeys/manage}: add a passkey, read the list. */
final class PasskeysPage {

    static final By ADD = By.id("add-passkey");
    static final By NAME = By.id("passkey-name");
    static final By ITEMS = By.cssSelector("#passkeys li.passkey[data-credential-id]");
    static final By ERROR = By.cssSelector("[data-passkey-error]");

    private final Browser browser;

    private PasskeysPage(Browser browser) {
        this.browser = browser;
    }

    static PasskeysPage open(Browser browser) {
        browser.get("/passkeys/manage");
        return at(browser);
    }

    /** Waits for the add button and for the list to be loaded (or an error to be shown). */
    static PasskeysPage at(Browser browser) {
        browser.waitUntil("the passkeys page", ExpectedConditions.elementToBeClickable(ADD));
        browser.waitUntil("the passkeys list to load", driver -> !driver.findElements(ITEMS).isEmpty()
                || driver.findElement(By.id("passkeys-empty")).isDisplayed()
                || !driver.findElement(ERROR).getText().isBlank());
        return new PasskeysPage(browser);
    }

    /** Creates a passkey with the virtual authenticator and waits until the list has one more item. */
    PasskeysPage addPasskey(String name) {
        int before = browser.driver().findElements(ITEMS).size();
        WebElement input = browser.driver().findElement(NAME);
        input.clear();
        input.sendKeys(name);
        browser.driver().findElement(ADD).click();
        browser.waitUntil("a new item in the passkeys list", driver -> driver.findElements(ITEMS).size() > before
                || !driver.findElement(ERROR).getText().isBlank());
        String error = browser.text(ERROR);
        if (!error.isEmpty()) {
            throw new AssertionError("adding a passkey was refused: " + error + "\n" + browser.diagnostics());
        }
        return this;
    }

    List<String> names() {
        return Pages.texts(browser, By.cssSelector("#passkeys li.passkey[data-credential-id] .passkey-name"));
    }

    /**
     * How many lines the name of passkey {@code name} takes on the page: the height of a {@code Range} around its text
     * over the line height (BROWSER-TESTING point 10). About 1 when it is readable on one line.
     */
    double nameLines(String name) {
        Object lines = browser.run("""
                const el = Array.from(document.querySelectorAll('#passkeys .passkey-name'))
                  .find(e => e.textContent.trim() === arguments[0]);
                if (!el) return -1;
                const range = document.createRange();
                range.selectNodeContents(el);
                const style = getComputedStyle(el);
                const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
                return range.getBoundingClientRect().height / lineHeight;
                """, name);
        return ((Number) lines).doubleValue();
    }

    List<String> credentialIds() {
        return browser.driver().findElements(ITEMS).stream()
                .map(item -> item.getDomAttribute("data-credential-id")).toList();
    }

    boolean saysEmpty() {
        return browser.driver().findElement(By.id("passkeys-empty")).isDisplayed();
    }

    String error() {
        return browser.text(ERROR);
    }
}
