package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and state of the demo at 390 px and 1280 px, in light and dark mode (issue 9): axe-core finds no
 * violation, and from element geometry nothing scrolls sideways, no text box is narrower than a word and every button
 * is fully visible ({@link PageChecks}). The passkeys page is the demo's own ({@code /account/passkeys}: the starter's
 * element in the demo's layout, with its header and sign-out), and the starter's plain page is checked too.
 * Screenshots go to {@code target/screenshots/}.
 */
@ActiveProfiles("test")
class PageLookTest extends BrowserTest {

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void signedOutPages(int width) {
        browser.width(width);
        PageChecks checks = new PageChecks(browser);

        LoginPage.open(browser);
        browser.waitUntil(
                "the autofill request", driver -> !browser.credentialRequests().isEmpty());
        checks.check("login-autofill");
        LoginPage.open(browser).submitPassword("nobody-" + width, "wrong password");
        browser.waitUntil("the wrong-password message", driver -> browser.path().equals("/login?error"));
        checks.check("login-wrong-password");

        SignupPage.open(browser);
        checks.check("signup");
        browser.driver().findElement(By.id("username")).sendKeys("x");
        browser.driver().findElement(By.id("signup-submit")).click();
        browser.waitUntil(
                "the field errors",
                driver -> !driver.findElements(By.id("username-error")).isEmpty());
        checks.check("signup-errors");

        SignupPage.open(browser).signUp(Users.unique("look" + width), Users.PASSWORD);
        checks.check("login-signed-up");

        assertThat(checks.checked()).hasSize(10);
        checks.assertAllPassed();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void thePasskeysPageInTheDemosLayoutInEveryState(int width) {
        browser.width(width);
        PageChecks checks = new PageChecks(browser);
        String username = Users.unique("states" + width);
        HomePage home =
                SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        checks.check("home");

        PasskeysPage page = home.managePasskeys();
        assertThat(browser.path()).isEqualTo("/account/passkeys");
        assertThat(browser.text(By.cssSelector("header.site-header .brand"))).isEqualTo("Passkeys Demo");
        assertThat(browser.text(By.cssSelector("header.site-header .site-user")))
                .isEqualTo(username);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("header.site-header #signout"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("main passkeys-manager")))
                .hasSize(1);
        assertThat(browser.run("return getComputedStyle(document.getElementById('add-passkey')).backgroundColor;"))
                .as("the demo's accent, set once in demo.css")
                .isEqualTo("rgb(47, 91, 211)");
        checks.check("passkeys-none");

        page.addPasskey("Laptop");
        checks.check("passkeys-added");
        browser.replaceAuthenticator();
        page.addPasskey("Phone").toggle("Phone");
        assertThat(page.row("Phone").badges()).contains("disabled");
        checks.check("passkeys-some-disabled");

        page.startRename("Laptop");
        checks.check("passkeys-renaming");
        WebElement input = browser.driver().findElement(By.cssSelector("input.passkey-rename-input"));
        input.clear();
        input.sendKeys(Keys.ENTER);
        browser.waitUntil(
                "the rename refusal",
                driver -> driver.findElements(By.cssSelector("input.passkey-rename-input[aria-invalid=true]"))
                                .size()
                        == 1);
        checks.check("passkeys-rename-error");
        page.cancelRename();

        PasskeysPage.DeleteDialog dialog = page.delete("Laptop");
        checks.check("passkeys-confirm-delete");
        dialog.cancel();

        assertThat(page.addPasskeyRefused("Again")).isEqualTo("This device already has a passkey for your account.");
        checks.check("passkeys-error");

        PasskeysPage.open(browser);
        checks.check("passkeys-starter-page");

        browser.get("/account/passkeys");
        PasskeysPage.at(browser);
        browser.driver().findElement(By.id("signout")).click();
        browser.waitUntil(
                "the login page after sign-out", driver -> browser.path().equals("/login?logout"));
        checks.check("login-signed-out");

        assertThat(checks.checked()).hasSize(20);
        checks.assertAllPassed();
    }
}
