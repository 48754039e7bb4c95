package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The starter's developer diagnostics page, {@code /passkeys/diagnostics}, on in the demo. */
final class DiagnosticsPage {

    static final By RUN = By.id("diag-run");
    static final By RESULT = By.id("diag-result");
    static final By VERDICT = By.id("diag-verdict");

    private final Browser browser;

    private DiagnosticsPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page and waits until the browser's facts are listed (they are read asynchronously). */
    static DiagnosticsPage open(Browser browser) {
        browser.get("/passkeys/diagnostics");
        browser.waitUntil(
                "the browser's facts",
                driver ->
                        "true".equals(driver.findElement(By.id("diag-browser")).getAttribute("data-loaded")));
        return new DiagnosticsPage(browser);
    }

    /** "ok" or "bad", and the words. */
    String verdict() {
        return browser.driver().findElement(VERDICT).getAttribute("data-verdict");
    }

    String verdictText() {
        return browser.text(VERDICT);
    }

    /** The name/value rows of a {@code <dl>}: "settings" or "browser". */
    Map<String, String> rows(String list) {
        By rows = By.cssSelector(
                list.equals("browser") ? "#diag-browser .passkeys-setting" : ".passkeys-settings .passkeys-setting");
        Map<String, String> found = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(rows)) {
            found.put(
                    row.findElement(By.tagName("dt")).getText().strip(),
                    row.findElement(By.tagName("dd")).getText().strip());
        }
        return found;
    }

    /** Runs the test from the keyboard (focus on the button, Enter) and waits for its outcome: "passed" or "failed". */
    String runByKeyboard() {
        browser.run("document.getElementById('diag-run').focus();");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        return browser.waitUntil("the test's outcome", driver -> {
            String outcome = driver.findElement(RESULT).getAttribute("data-outcome");
            return outcome == null || outcome.isEmpty() ? null : outcome;
        });
    }

    /** Scrolls the test's steps into view (for a screenshot of them). */
    void showSteps() {
        browser.run("document.getElementById('diag-test-heading').scrollIntoView();");
    }

    String result() {
        return browser.text(RESULT);
    }

    /** Each step: its data-step id, state (ok, failed, waiting, running) and text, in order. */
    List<Step> steps() {
        return browser.driver().findElements(By.cssSelector("#diag-steps li")).stream()
                .map(li -> new Step(
                        li.getAttribute("data-step"),
                        li.getAttribute("data-state"),
                        li.getText().strip()))
                .toList();
    }

    record Step(String id, String state, String text) {}
}
