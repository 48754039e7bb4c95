package io.github.passkeys4j.sample.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import io.github.passkeys4j.testing.browser.ManagePasskeys;
import org.openqa.selenium.By;

import java.util.List;

/** The starter's passkeys page, {@code /acme/passkeys/manage}: add a passkey, read the list. */
final class PasskeysPage {

    static final By ITEMS = ManagePasskeys.ITEMS;
    static final By ERROR = ManagePasskeys.ERROR;

    private final Browser browser;

    private PasskeysPage(Browser browser) {
        this.browser = browser;
    }

    static PasskeysPage open(Browser browser) {
        ManagePasskeys.open(browser);
        return at(browser);
    }

    /** Waits for the add button and for the list to be loaded (or an error to be shown). */
    static PasskeysPage at(Browser browser) {
        ManagePasskeys.waitForAddButton(browser);
        browser.waitUntil(
                "the passkeys list to load",
                driver -> ManagePasskeys.listLoaded(driver)
                        || !driver.findElement(ERROR).getText().isBlank());
        return new PasskeysPage(browser);
    }

    /** Creates a passkey with the virtual authenticator and waits until the list has one more item. */
    PasskeysPage addPasskey(String name) {
        int before = ManagePasskeys.itemCount(browser);
        ManagePasskeys.clickAdd(browser, name);
        browser.waitUntil(
                "a new item in the passkeys list",
                driver -> driver.findElements(ITEMS).size() > before
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
        return ManagePasskeys.credentialIds(browser);
    }

    boolean saysEmpty() {
        return browser.driver().findElement(ManagePasskeys.EMPTY).isDisplayed();
    }

    String error() {
        return browser.text(ERROR);
    }
}
