package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's generated login page for a German browser ({@code --lang=de-DE}): Spring's own texts (title,
 * heading, labels, button, the alert after a wrong password) in German as well as our passkey button, and the page's
 * {@code lang} saying so; then its "sign out?" page and the signed-out notice; at 390 and 1280 px in light and dark mode, no axe violation, nothing outside the window, no
 * squeezed text, with German's longer words.
 */
@SpringBootTest(
        classes = GeneratedLoginPageBrowserTest.DefaultLoginApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:generated-login-page;DB_CLOSE_DELAY=-1",
            "server.servlet.context-path=/app",
            "spring.sql.init.mode=never"
        })
class GermanGeneratedLoginPageBrowserTest extends BrowserTest {

    @Override
    @BeforeAll
    void openBrowser() {
        browser = Browser.openInLanguage("http://localhost:" + port, "de-DE");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theWholeGeneratedPageSpeaksGerman(int width) {
        browser.width(width);
        browser.forgetSession();
        PageChecks checks = new PageChecks(browser);
        browser.get("/app/login");
        browser.waitUntil(
                "the passkey button",
                driver -> !driver.findElements(By.cssSelector("[data-passkey-signin]"))
                        .isEmpty());
        assertThat(browser.run("return document.documentElement.lang;")).isEqualTo("de");
        assertThat(browser.driver().getTitle()).isEqualTo("Bitte melden Sie sich an");
        assertThat(browser.text(By.cssSelector("form.login-form h2"))).isEqualTo("Bitte melden Sie sich an");
        assertThat(browser.driver().findElement(By.id("username")).getDomAttribute("placeholder"))
                .isEqualTo("Benutzername");
        assertThat(browser.driver().findElement(By.id("password")).getDomAttribute("placeholder"))
                .isEqualTo("Passwort");
        assertThat(browser.text(By.cssSelector("form.login-form button[type=submit]")))
                .isEqualTo("Anmelden");
        assertThat(browser.text(By.cssSelector("[data-passkey-signin]"))).isEqualTo("Mit einem Passkey anmelden");
        checks.check("generated-login-de");

        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("falsch");
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        browser.waitUntil("the error", driver -> browser.path().equals("/app/login?error"));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("Benutzername oder Passwort ist falsch.");
        checks.check("generated-login-de-error");

        // Signed in, Spring's "sign out?" page (GET /logout) speaks German too, and its button signs out.
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("alice-password");
        browser.driver()
                .findElement(By.cssSelector("form.login-form button[type=submit]"))
                .click();
        browser.waitUntil("signed in", driver -> !browser.path().startsWith("/app/login"));
        browser.get("/app/logout");
        assertThat(browser.run("return document.documentElement.lang;")).isEqualTo("de");
        assertThat(browser.driver().getTitle()).isEqualTo("Abmelden?");
        assertThat(browser.text(By.cssSelector("main h2"))).isEqualTo("Möchten Sie sich abmelden?");
        checks.check("generated-logout-de");
        browser.driver()
                .findElement(By.cssSelector("form.logout-form button[type=submit]"))
                .click();
        browser.waitUntil("signed out", driver -> browser.path().equals("/app/login?logout"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Sie haben sich abgemeldet.");
        assertThat(checks.checked()).hasSize(6);
        checks.assertAllPassed();
    }
}
