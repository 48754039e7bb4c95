package io.github.passkeys4j.example.jdk;

import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as a person uses it, in headless Chromium with a virtual platform authenticator: sign up with a passkey
 * (no password), sign out, sign in with the passkey alone.
 */
class ExampleBrowserTest {

    static ExampleServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        server = ExampleServer.start(0);
        browser = Browser.open(server.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** Each test a signed-out browser on a new device, so a sign-in cannot pick another test's passkey. */
    @BeforeEach
    void freshDevice() {
        browser.forgetSession();
        browser.replaceAuthenticator();
    }

    @Test
    void signUpWithAPasskeySignOutAndSignInWithIt() {
        browser.get("/");
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver()
                .findElement(By.cssSelector("#sign-up button[type=submit]"))
                .click();
        signedIn("alice");
        assertThat(browser.credentialIds()).hasSize(1);

        browser.driver().findElement(By.id("sign-out")).click();
        browser.waitUntil("the signed-out page", ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));

        browser.driver().findElement(By.id("sign-in")).click();
        signedIn("alice");
    }

    @Test
    void aTakenUsernameIsRefusedInPlainWords() {
        browser.get("/");
        browser.driver().findElement(By.id("username")).sendKeys("bob");
        browser.driver()
                .findElement(By.cssSelector("#sign-up button[type=submit]"))
                .click();
        signedIn("bob");

        browser.forgetSession();
        browser.get("/");
        browser.driver().findElement(By.id("username")).sendKeys("bob");
        browser.driver()
                .findElement(By.cssSelector("#sign-up button[type=submit]"))
                .click();
        browser.waitUntil("the refusal", ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "taken"));
        assertThat(browser.text(By.id("message"))).isEqualTo("The username bob is taken; sign in or pick another.");
    }

    private void signedIn(String username) {
        browser.waitUntil("the signed-in page", ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
        assertThat(browser.text(By.id("signed-in"))).isEqualTo("Signed in as " + username);
    }
}
