package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.browser.Browser;
import io.github.passkeys4j.testing.browser.ManagePasskeys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The starter's {@code /passkeys/manage} page ({@code <passkeys-manager>}): add, list, rename, disable/enable and
 * delete passkeys. Each action waits until the page reports its outcome in the status or error area.
 */
final class PasskeysPage {

    static final By ITEMS = ManagePasskeys.ITEMS;
    static final By STATUS = ManagePasskeys.STATUS;
    static final By ERROR = ManagePasskeys.ERROR;
    static final By SYNC_HINT = By.id("passkeys-sync-hint");
    static final By DIALOG = By.id("passkey-delete-dialog");
    /** passkeys.client.step-up.confirming in English and German. */
    static final List<String> STEP_UP_PROMPTS = List.of(
            "To do this, confirm it's you with your passkey. Follow your browser's prompt…",
            "Bestätigen Sie dafür mit Ihrem Passkey, dass Sie es sind. Folgen Sie der Anzeige Ihres Browsers…");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String READ_ROWS = """
            return Array.from(document.querySelectorAll('#passkeys li.passkey[data-credential-id]')).map(li => {
              const text = (css) => { const e = li.querySelector(css); return e ? e.innerText.trim() : null; };
              const icon = li.querySelector('img.passkey-icon');
              return {
                id: li.dataset.credentialId, name: text('.passkey-name'), provider: text('.passkey-provider'),
                iconSrc: icon.getAttribute('src'), genericIcon: icon.classList.contains('passkey-icon-generic'),
                badges: Array.from(li.querySelectorAll('.passkey-badge'))
                  .flatMap(b => Array.from(b.classList)).filter(c => c !== 'passkey-badge'),
                meta: text('.passkey-meta'),
                transports: (text('.passkey-transports') || '').replace(/^·\\s*/, ''),
                times: Array.from(li.querySelectorAll('time'))
                  .map(t => ({ datetime: t.getAttribute('datetime'), title: t.title, text: t.innerText.trim() })),
                toggle: text('button.passkey-toggle')
              };
            });
            """;

    private final Browser browser;

    /** A passkey as the list shows it. {@code badges}: the badge classes (synced, device-bound, current, disabled). */
    record Row(
            String id,
            String name,
            String provider,
            String iconSrc,
            boolean genericIcon,
            Set<String> badges,
            String meta,
            String transports,
            List<Stamp> times,
            String toggleLabel) {}

    /** A {@code <time>}: machine-readable {@code datetime}, the exact time in {@code title}, the relative text. */
    record Stamp(String datetime, String title, String text) {}

    private PasskeysPage(Browser browser) {
        this.browser = browser;
    }

    static PasskeysPage open(Browser browser) {
        ManagePasskeys.open(browser);
        return at(browser);
    }

    /** Waits for the add button and for the list to be loaded (the element shows "Loading…" until then). */
    static PasskeysPage at(Browser browser) {
        ManagePasskeys.waitForAddButton(browser);
        browser.waitUntil("the passkeys list to load", ManagePasskeys::listLoaded);
        return new PasskeysPage(browser);
    }

    PasskeysPage reload() {
        return open(browser);
    }

    /** Creates a passkey with the virtual authenticator and waits until the list has one more item. */
    PasskeysPage addPasskey(String name) {
        int before = ManagePasskeys.itemCount(browser);
        ManagePasskeys.clickAdd(browser, name);
        browser.waitUntil(
                "a new item in the passkeys list",
                driver -> driver.findElements(ITEMS).size() > before);
        return this;
    }

    /** Clicks "Add a security key" (a USB authenticator answers) and waits until the list has one more item. */
    PasskeysPage addSecurityKey(String name) {
        int before = ManagePasskeys.itemCount(browser);
        browser.driver().findElement(ManagePasskeys.NAME).sendKeys(name);
        browser.driver().findElement(By.id("add-security-key")).click();
        browser.waitUntil(
                "a new item in the passkeys list",
                driver -> driver.findElements(ITEMS).size() > before);
        return this;
    }

    /** Clicks "Add a passkey" expecting a refusal; returns the error the page shows. */
    String addPasskeyRefused(String name) {
        ManagePasskeys.clickAdd(browser, name);
        return error();
    }

    /** Clicks "Add a passkey" with a name the page itself refuses, and waits for its message at the name field. */
    void addPasskeyRefusedAtTheField(String name) {
        ManagePasskeys.clickAdd(browser, name);
        browser.waitUntil(
                "the name field's message",
                driver -> driver.findElement(By.id("passkey-name-error")).isDisplayed());
    }

    /**
     * Adds a passkey made by {@code authenticator} (in this JVM) through the page's own client,
     * {@code window.Passkeys.request}: the browser's session and CSRF token, the endpoints the add button uses. Then
     * reloads the page.
     */
    PasskeysPage addPasskeyFrom(SoftwareAuthenticator authenticator, String origin, String name) {
        String options = request("POST", "/registration/options", null);
        String credential = authenticator.register(SoftwareAuthenticator.creationOptions(options), origin);
        request(
                "POST",
                "/registration",
                "{\"credential\": " + credential + ", \"name\": " + JSON.writeValueAsString(name) + "}");
        return reload();
    }

    /** The list as shown, read in one script so that a re-render cannot change it halfway. */
    @SuppressWarnings("unchecked")
    List<Row> rows() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.run(READ_ROWS);
        return rows.stream().map(PasskeysPage::row).toList();
    }

    Row row(String name) {
        return browser.waitUntil(
                "a passkey named \"" + name + "\"",
                driver -> rows().stream()
                        .filter(row -> name.equals(row.name()))
                        .findFirst()
                        .orElse(null));
    }

    /** Whether the browser drew {@code name}'s provider icon (loaded, with a size). */
    boolean iconDrawn(String name) {
        WebElement icon = item(name).findElement(By.cssSelector("img.passkey-icon"));
        return Boolean.TRUE.equals(browser.run("return arguments[0].complete && arguments[0].naturalWidth > 0;", icon));
    }

    List<String> names() {
        return rows().stream().map(Row::name).toList();
    }

    List<String> credentialIds() {
        return ManagePasskeys.credentialIds(browser);
    }

    /** Opens the rename form of {@code name}'s passkey; returns the value the input starts with. */
    String startRename(String name) {
        WebElement item = item(name);
        item.findElement(By.cssSelector("button.passkey-rename")).click();
        WebElement input = browser.waitUntil(
                "the rename form", driver -> item.findElement(By.cssSelector("input.passkey-rename-input")));
        return input.getDomProperty("value");
    }

    PasskeysPage cancelRename() {
        browser.driver()
                .findElement(By.cssSelector("button.passkey-rename-cancel"))
                .click();
        browser.waitUntil(
                "the rename form to close",
                driver -> driver.findElements(By.cssSelector("input.passkey-rename-input"))
                        .isEmpty());
        return this;
    }

    /** Renames {@code from} to {@code to} and waits for the page's answer. */
    PasskeysPage rename(String from, String to) {
        startRename(from);
        WebElement input = browser.driver().findElement(By.cssSelector("input.passkey-rename-input"));
        input.clear();
        input.sendKeys(to);
        return act(() -> browser.driver()
                .findElement(By.cssSelector("button.passkey-rename-save"))
                .click());
    }

    /** Clicks "Disable" or "Enable" on {@code name}'s passkey and waits for the page's answer. */
    PasskeysPage toggle(String name) {
        WebElement button = item(name).findElement(By.cssSelector("button.passkey-toggle"));
        return act(button::click);
    }

    /** Clicks "Delete" on {@code name}'s passkey: the confirmation dialog opens. */
    DeleteDialog delete(String name) {
        item(name).findElement(By.cssSelector("button.passkey-delete")).click();
        browser.waitUntil("the delete dialog", ExpectedConditions.visibilityOfElementLocated(DIALOG));
        return new DeleteDialog();
    }

    /** The confirmation dialog of a delete. */
    final class DeleteDialog {

        String text() {
            return browser.text(By.id("passkey-delete-text"));
        }

        /** The last-passkey warning, or {@code null} when it is hidden. */
        String warning() {
            WebElement warning = browser.driver().findElement(By.id("passkey-delete-warning"));
            return warning.isDisplayed() ? warning.getText().strip() : null;
        }

        PasskeysPage cancel() {
            browser.driver()
                    .findElement(By.cssSelector("button.passkey-delete-cancel"))
                    .click();
            browser.waitUntil("the delete dialog to close", ExpectedConditions.invisibilityOfElementLocated(DIALOG));
            return PasskeysPage.this;
        }

        PasskeysPage confirm() {
            return act(() -> browser.driver()
                    .findElement(By.cssSelector("button.passkey-delete-confirm"))
                    .click());
        }
    }

    String status() {
        return browser.text(STATUS);
    }

    /** Waits for the error area to say something, and returns it. */
    String error() {
        browser.waitUntil(
                "a message in [data-passkey-error]",
                driver -> !driver.findElement(ERROR).getText().isBlank());
        return browser.text(ERROR);
    }

    /** The error area now, possibly empty. */
    String currentError() {
        return browser.text(ERROR);
    }

    boolean syncHintShown() {
        return browser.driver().findElement(SYNC_HINT).isDisplayed();
    }

    String syncHint() {
        return browser.text(SYNC_HINT);
    }

    /** Does {@code action}, then waits until the status says something new or the error area speaks. */
    private PasskeysPage act(Runnable action) {
        String before = status();
        action.run();
        browser.waitUntil("the page to report the outcome", driver -> {
            String status = driver.findElement(STATUS).getText().strip();
            // The step-up's "confirm it's you" (a delete, when the demo asks for one) is not the outcome yet.
            return (!status.isEmpty() && !status.equals(before) && !STEP_UP_PROMPTS.contains(status))
                    || !driver.findElement(ERROR).getText().isBlank();
        });
        return this;
    }

    private WebElement item(String name) {
        return browser.waitUntil(
                "a passkey named \"" + name + "\"",
                driver -> driver.findElements(ITEMS).stream()
                        .filter(item -> item.findElements(By.cssSelector(".passkey-name")).stream()
                                .anyMatch(n -> n.getText().strip().equals(name)))
                        .findFirst()
                        .orElse(null));
    }

    private String request(String method, String path, String jsonBody) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.runAsync("""
                const [method, path, body, done] = arguments;
                window.Passkeys.request(method, path, body === null ? undefined : JSON.parse(body))
                  .then(json => done({ ok: true, body: JSON.stringify(json) }),
                        error => done({ ok: false, body: error.message + ' ' + JSON.stringify(error.problem) }));
                """, method, path, jsonBody);
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            throw new AssertionError(method + " " + path + " was refused: " + answer.get("body"));
        }
        return (String) answer.get("body");
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<String, Object> r) {
        List<Stamp> times = ((List<Map<String, Object>>) r.get("times"))
                .stream()
                        .map(t ->
                                new Stamp((String) t.get("datetime"), (String) t.get("title"), (String) t.get("text")))
                        .toList();
        return new Row(
                (String) r.get("id"),
                (String) r.get("name"),
                (String) r.get("provider"),
                (String) r.get("iconSrc"),
                Boolean.TRUE.equals(r.get("genericIcon")),
                Set.copyOf((List<String>) r.get("badges")),
                (String) r.get("meta"),
                (String) r.get("transports"),
                times,
                (String) r.get("toggle"));
    }
}
