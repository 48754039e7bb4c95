package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up in Chromium with the virtual authenticator (the demo sets {@code passkeys.step-up.actions=delete-passkey}):
 * after a password sign-in, deleting a passkey first asks for a passkey with user verification; the page runs that
 * prompt itself and then the delete, and stays on the passkeys page. The step-up page ({@code /passkeys/step-up})
 * brings the user back to where they were. What it cannot cover: the virtual authenticator confirms at once, so no
 * human sees or cancels the browser's sheet.
 */
@ActiveProfiles("test")
class StepUpBrowserTest extends BrowserTest {

    @Autowired
    PasskeyRepository passkeyRepository;

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void deletingAPasskeyAfterAPasswordSignInAsksForAPasskeyFirst(int width) {
        browser.width(width);
        String username = Users.unique("step-up" + width);
        PasskeysPage page = SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Laptop");
        String laptopId = page.row("Laptop").id();
        browser.replaceAuthenticator();
        page.addPasskey("Desktop");
        String pagePath = browser.path();
        String session = browser.sessionId();
        browser.clearCredentialRequests();

        page.delete("Laptop").confirm();
        browser.waitUntil(
                "the delete after the step-up", driver -> page.status().equals("Deleted Laptop."));

        List<Map<String, Object>> prompts = browser.credentialRequests();
        assertThat(prompts).as("one passkey prompt: the step-up").hasSize(1);
        assertThat(prompts.get(0))
                .as("a modal prompt (not autofill), answered")
                .containsEntry("mediation", null)
                .containsEntry("outcome", "resolved");
        assertThat(page.names()).containsExactly("Desktop");
        assertThat(passkeyRepository.findByCredentialId(laptopId)).isEmpty();
        assertThat(browser.path()).as("still on the passkeys page").isEqualTo(pagePath);
        assertThat(browser.sessionId()).as("a new session id after the step-up").isNotEqualTo(session);
        assertThat(Me.fetch(browser).username()).as("the same user").isEqualTo(username);

        // Within 5 minutes, another delete needs no second prompt.
        page.delete("Desktop").confirm();
        browser.waitUntil("the second delete", driver -> page.status().equals("Deleted Desktop."));
        assertThat(browser.credentialRequests()).hasSize(1);
        assertThat(page.names()).isEmpty();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theStepUpPageConfirmsAndGoesBack(int width) {
        browser.width(width);
        String username = Users.unique("step-up-page" + width);
        PasskeysPage page = SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Laptop");
        String back = browser.path();

        browser.get("/passkeys/step-up?returnTo=" + back);
        browser.waitUntil(
                "the step-up button",
                driver -> !driver.findElements(By.cssSelector("[data-passkey-step-up]"))
                        .isEmpty());
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Confirm it's you");
        assertThat(browser.run("return document.activeElement.hasAttribute('data-passkey-step-up');"))
                .as("the button has the focus: Enter confirms")
                .isEqualTo(true);
        PageChecks checks = new PageChecks(browser).check("step-up");
        checks.assertAllPassed();

        browser.driver().findElement(By.cssSelector("[data-passkey-step-up]")).click();
        browser.waitUntil("back on " + back, driver -> browser.path().equals(back));
        assertThat(PasskeysPage.at(browser).names()).containsExactly("Laptop");
    }
}
