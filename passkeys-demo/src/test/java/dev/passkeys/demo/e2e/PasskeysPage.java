package dev.passkeys.demo.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The starter's {@code /passkeys/manage} page: add a passkey, list them. */
final class PasskeysPage {

    static final By NAME = By.id("passkey-name");
    static final By ADD = By.id("add-passkey");
    static final By ITEMS = By.cssSelector("#passkeys li.passkey[data-credential-id]");
    static final By STATUS = By.cssSelector("[data-passkey-status]");

    private final Browser browser;

    private PasskeysPage(Browser browser) {
        this.browser = browser;
    }

    static PasskeysPage open(Browser browser) {
        browser.get("/passkeys/manage");
        return at(browser);
    }

    static PasskeysPage at(Browser browser) {
        browser.waitUntil("the passkeys page", ExpectedConditions.elementToBeClickable(ADD));
        return new PasskeysPage(browser);
    }

    /** Creates a passkey with the virtual authenticator and waits until the list has one more item. */
    PasskeysPage addPasskey(String name) {
        int before = browser.driver().findElements(ITEMS).size();
        WebElement input = browser.driver().findElement(NAME);
        input.clear();
        input.sendKeys(name);
        browser.driver().findElement(ADD).click();
        browser.waitUntil("a new item in the passkeys list", driver -> driver.findElements(ITEMS).size() > before);
        return this;
    }

    List<String> names() {
        return browser.driver().findElements(ITEMS).stream()
                .map(item -> item.findElement(By.cssSelector(".passkey-name")).getText().strip())
                .toList();
    }

    List<String> credentialIds() {
        return browser.driver().findElements(ITEMS).stream()
                .map(item -> item.getDomAttribute("data-credential-id"))
                .toList();
    }

    String status() {
        return browser.text(STATUS);
    }
}
