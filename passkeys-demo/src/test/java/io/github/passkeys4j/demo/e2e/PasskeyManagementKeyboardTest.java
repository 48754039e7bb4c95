package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passkeys page by keyboard only, at phone (390 px) and desktop (1280 px) width (issue 9): Tab, Enter and Escape
 * rename and delete, and focus lands on the passkey acted on (or the next one, or "Add a passkey"), never on
 * {@code <body>}; a name over 64 characters is refused with a message tied to the field; words for people (transports,
 * "just now", no "Unknown provider", numbered duplicates); every button inside a phone's width while renaming; the
 * demo's favicon. Screenshots go to {@code target/screenshots/}.
 */
@ActiveProfiles("test")
class PasskeyManagementKeyboardTest extends BrowserTest {

    /** What has focus: "body" or an id, else the aria-label, else the class of the focused element. */
    private static final String ACTIVE = """
            const a = document.activeElement;
            if (!a || a === document.body) return 'body';
            return a.id || a.getAttribute('aria-label') || a.className;
            """;

    /** Buttons of the passkeys element that, scrolled to, are not fully inside the window's width or are covered. */
    private static final String BUTTONS_OUTSIDE = """
            return Array.from(document.querySelectorAll('passkeys-manager button'))
              .filter(b => b.offsetParent !== null && !b.closest('dialog'))
              .filter(b => {
                b.scrollIntoView({ block: 'center', inline: 'nearest' });
                const r = b.getBoundingClientRect();
                const inside = r.left >= 0 && r.right <= window.innerWidth && r.width > 0;
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return !inside || !(top === b || b.contains(top));
              })
              .map(b => ({ text: b.innerText, left: b.getBoundingClientRect().left,
                           right: b.getBoundingClientRect().right, width: window.innerWidth }));
            """;

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    /**
     * Each fact's "·" is its ::before: at the start of a line it must lie left of the clipped box (hidden), elsewhere
     * inside it; and no fact may stick out on the right.
     */
    private static final String SEPARATOR_AT_A_LINE_EDGE = """
            const bad = [];
            for (const meta of document.querySelectorAll('.passkey-meta')) {
              if (!meta.querySelector('.passkey-facts > *')) bad.push('no facts in ' + meta.textContent);
              const box = meta.getBoundingClientRect();
              let previousTop = null;
              for (const fact of meta.querySelectorAll('.passkey-facts > *')) {
                const r = fact.getBoundingClientRect();
                const dot = parseFloat(getComputedStyle(fact, '::before').width);
                const startsLine = previousTop === null || r.top > previousTop + 2;
                previousTop = r.top;
                const dotHidden = r.left + dot <= box.left + 0.5;
                if (startsLine !== dotHidden || r.right > box.right + 0.5) bad.push(fact.textContent);
              }
            }
            return bad;""";

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void renameAndDeleteByKeyboardKeepFocusOnThePasskey(int width) {
        browser.width(width);
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("keys" + width)).addPasskey("Laptop");
        browser.replaceAuthenticator();
        page.addPasskey("Desktop");

        browser.run("document.getElementById('add-passkey').focus();");
        press(Keys.TAB);
        assertThat(active()).as("the add form's second button").isEqualTo("add-security-key");
        press(Keys.TAB);
        assertThat(active()).isEqualTo("Rename Laptop");

        press(Keys.ENTER);
        assertThat(active()).isEqualTo("New name for Laptop");
        press(Keys.ESCAPE);
        browser.waitUntil(
                "the rename form to close",
                driver -> driver.findElements(By.cssSelector("input.passkey-rename-input"))
                        .isEmpty());
        assertThat(active()).as("Escape cancels; focus back on Rename").isEqualTo("Rename Laptop");
        assertThat(page.status()).isEqualTo("Rename cancelled.");
        assertThat(page.names()).containsExactly("Laptop", "Desktop");

        press(Keys.ENTER);
        new Actions(browser.driver())
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys("Work laptop", Keys.ENTER)
                .perform();
        browser.waitUntil("the rename to be reported", driver -> page.status().equals("Renamed to Work laptop."));
        assertThat(active()).as("focus on the renamed passkey").isEqualTo("Rename Work laptop");
        assertThat(page.names()).containsExactly("Work laptop", "Desktop");

        press(Keys.TAB, Keys.TAB);
        assertThat(active()).isEqualTo("Delete Work laptop");
        press(Keys.ENTER);
        browser.waitUntil("the delete dialog", driver -> active().equals("passkey-delete-cancel secondary"));
        press(Keys.ESCAPE);
        browser.waitUntil("the dialog to close", driver -> !active().startsWith("passkey-delete"));
        assertThat(active()).as("cancel: back on Delete").isEqualTo("Delete Work laptop");
        browser.checkLayout("passkeys-keyboard");

        press(Keys.ENTER);
        browser.waitUntil("the delete dialog", driver -> active().equals("passkey-delete-cancel secondary"));
        press(Keys.TAB);
        assertThat(active()).isEqualTo("passkey-delete-confirm danger");
        press(Keys.ENTER);
        browser.waitUntil("the delete to be reported", driver -> page.status().equals("Deleted Work laptop."));
        assertThat(active()).as("focus on the next passkey").isEqualTo("Rename Desktop");
        assertThat(page.names()).containsExactly("Desktop");

        press(Keys.TAB, Keys.TAB, Keys.ENTER);
        browser.waitUntil("the delete dialog", driver -> active().equals("passkey-delete-cancel secondary"));
        press(Keys.TAB, Keys.ENTER);
        browser.waitUntil("the delete to be reported", driver -> page.status().equals("Deleted Desktop."));
        assertThat(active()).as("none left: focus on Add a passkey").isEqualTo("add-passkey");
        assertThat(browser.driver().findElement(PasskeysPage.STATUS).getAttribute("role"))
                .isEqualTo("status");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void aNameOver64CharactersIsRefusedVisiblyAndKept(int width) {
        browser.width(width);
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("long" + width)).addPasskey("Laptop");
        String tooLong = "a".repeat(65);

        page.startRename("Laptop");
        WebElement input = browser.driver().findElement(By.cssSelector("input.passkey-rename-input"));
        input.clear();
        input.sendKeys(tooLong, Keys.ENTER);
        WebElement problem = browser.waitUntil(
                "the refusal",
                driver -> driver.findElements(By.cssSelector(".passkey-rename-error")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertThat(problem.getText()).isEqualTo("This name is 65 characters long; use at most 64.");
        assertThat(input.getAttribute("aria-describedby").split(" "))
                .as("the message, then the page's error area")
                .containsExactly(problem.getAttribute("id"), "passkeys-error");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getDomProperty("value")).as("the input keeps the text").isEqualTo(tooLong);
        assertThat(active()).isEqualTo("New name for Laptop");
        browser.checkLayout("passkeys-rename-refused");
        assertThat(browser.run(BUTTONS_OUTSIDE))
                .as("buttons outside the viewport")
                .isEqualTo(List.of());

        input.sendKeys(Keys.BACK_SPACE, Keys.ENTER);
        browser.waitUntil("the rename", driver -> page.status().equals("Renamed to " + "a".repeat(64) + "."));
        assertThat(page.reload().names()).containsExactly("a".repeat(64));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 390, 1280})
    void whileRenamingEveryButtonIsInsideTheWindowAndTheWordsAreForPeople(int width) {
        browser.width(width);
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("words" + width)).addPasskey("Passkey");
        browser.replaceAuthenticator();
        page.addPasskey("Passkey");

        assertThat(page.names()).as("same names numbered").containsExactly("Passkey", "Passkey 2");
        assertThat(page.rows()).allSatisfy(row -> {
            assertThat(row.provider()).as("no 'Unknown provider'").isNull();
            assertThat(row.transports()).isEqualTo("Works with this device");
            assertThat(row.meta()).startsWith("Added just now").doesNotContain("internal");
        });
        assertThat(browser.run(SEPARATOR_AT_A_LINE_EDGE))
                .as("facts whose '·' shows at the start of a line, or that overflow it")
                .isEqualTo(List.of());
        browser.checkLayout("passkeys-list");

        page.startRename("Passkey 2");
        assertThat(browser.run(BUTTONS_OUTSIDE))
                .as("buttons outside the viewport")
                .isEqualTo(List.of());
        browser.checkLayout("passkeys-renaming");
    }

    @Test
    void theDemoServesAFavicon() throws Exception {
        HttpResponse<byte[]> favicon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.body()).startsWith(new byte[] {0, 0, 1, 0});
    }

    private void press(CharSequence... keys) {
        for (CharSequence key : keys) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }
    }

    private String active() {
        return (String) browser.run(ACTIVE);
    }

    private PasskeysPage signUpAndOpenPasskeys(String username) {
        return SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys();
    }
}
