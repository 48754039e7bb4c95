package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names on the passkeys page (issue 9), at phone and desktop width: the virtual authenticator's AAGUID is in no
 * provider list, so a passkey added without a name is named after this browser and system ("Chrome on Linux", from
 * headless Chromium's User-Agent), numbered when two share it; a name over 64 characters typed when adding is refused
 * with a message tied to the field, and nothing is created.
 */
@ActiveProfiles("test")
class PasskeyNamesBrowserTest extends BrowserTest {

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void aPasskeyWithoutANameIsNamedAfterTheBrowserAndSystem(int width) {
        browser.width(width);
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("hint" + width)).addPasskey("");
        browser.replaceAuthenticator();
        page.addPasskey("");

        assertThat(page.names()).containsExactly("Chrome on Linux", "Chrome on Linux 2");
        assertThat(page.rows()).allSatisfy(row -> assertThat(row.provider()).isNull());
        assertThat(page.reload().names()).containsExactly("Chrome on Linux", "Chrome on Linux 2");
        browser.checkLayout("passkeys-browser-names");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void aNameOver64CharactersIsRefusedBeforeAnythingIsCreated(int width) {
        browser.width(width);
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("addlong" + width));
        String tooLong = "b".repeat(65);

        page.addPasskeyRefusedAtTheField(tooLong);
        WebElement input = browser.driver().findElement(By.id("passkey-name"));
        WebElement problem = browser.driver().findElement(By.id("passkey-name-error"));
        assertThat(problem.getText()).isEqualTo("This name is 65 characters long; use at most 64.");
        assertThat(input.getAttribute("aria-describedby").split(" "))
                .as("the message, then the page's error area")
                .containsExactly("passkey-name-error", "passkeys-error");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("maxlength")).as("never cut silently").isNull();
        assertThat(input.getDomProperty("value")).as("the input keeps the text").isEqualTo(tooLong);
        assertThat(browser.run("return document.activeElement.id;")).isEqualTo("passkey-name");
        assertThat(browser.credentialIds()).as("no passkey was created").isEmpty();
        assertThat(page.names()).isEmpty();
        browser.checkLayout("passkeys-add-refused");

        page.addPasskey("b".repeat(64));
        assertThat(page.names()).containsExactly("b".repeat(64));
        assertThat(problem.isDisplayed())
                .as("the message goes once the name is fine")
                .isFalse();
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("false");
    }

    private PasskeysPage signUpAndOpenPasskeys(String username) {
        return SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys();
    }
}
