package io.github.passkeys4j.testing.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/**
 * The starter's passkeys page ({@code /passkeys/manage}, the {@code <passkeys-manager>} element) as every app shows
 * it: its markup and the steps each app's page object takes the same way. The page objects themselves stay in the
 * apps' tests (the demo's covers rename, disable and delete; the sample's reads line counts for phone widths).
 */
public final class ManagePasskeys {

    /** The page, relative to the app's base URL. */
    public static final String PATH = "/passkeys/manage";

    public static final By NAME = By.id("passkey-name");
    public static final By ADD = By.id("add-passkey");
    public static final By ITEMS = By.cssSelector("#passkeys li.passkey[data-credential-id]");
    public static final By EMPTY = By.id("passkeys-empty");
    public static final By STATUS = By.cssSelector("[data-passkey-status]");
    public static final By ERROR = By.cssSelector("[data-passkey-error]");

    private ManagePasskeys() {}

    /** Opens the page (not waiting for anything: the page objects wait as they need). */
    public static void open(Browser browser) {
        browser.get(PATH);
    }

    /** Waits until the add button can be clicked. */
    public static void waitForAddButton(Browser browser) {
        browser.waitUntil("the passkeys page", ExpectedConditions.elementToBeClickable(ADD));
    }

    /** Whether the list is loaded: it has items, or says it is empty (it shows "Loading…" until then). */
    public static boolean listLoaded(WebDriver driver) {
        return !driver.findElements(ITEMS).isEmpty()
                || driver.findElement(EMPTY).isDisplayed();
    }

    /** How many passkeys the list shows. */
    public static int itemCount(Browser browser) {
        return browser.driver().findElements(ITEMS).size();
    }

    /** Types {@code name} into the name input (cleared first) and clicks "Add a passkey"; does not wait. */
    public static void clickAdd(Browser browser, String name) {
        WebElement input = browser.driver().findElement(NAME);
        input.clear();
        input.sendKeys(name);
        browser.driver().findElement(ADD).click();
    }

    /** The credential IDs of the list's items ({@code data-credential-id}), in the list's order. */
    public static List<String> credentialIds(Browser browser) {
        return browser.driver().findElements(ITEMS).stream()
                .map(item -> item.getDomAttribute("data-credential-id"))
                .toList();
    }
}
