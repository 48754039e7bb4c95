package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer diagnostics page in Chromium with the virtual authenticator, at phone and desktop width (issue 9): the
 * settings, this browser's facts and a "yes" verdict on its address; the one-click test, run from the keyboard,
 * passes every step, leaves no passkey on the account and keeps the password sign-in.
 */
@ActiveProfiles("test")
class DiagnosticsBrowserTest extends BrowserTest {

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theTestPassesEveryStepAndLeavesNothingBehind(int width) {
        browser.width(width);
        String username = Users.unique("diag" + width);
        SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        DiagnosticsPage page = DiagnosticsPage.open(browser);

        assertThat(page.rows("settings"))
                .containsEntry("Relying party ID", "localhost passkeys.rp-id")
                .containsEntry("Relying party name", "Passkeys Demo passkeys.rp-name")
                .containsEntry("User verification", "required passkeys.user-verification")
                .containsKey("Storage");
        assertThat(page.verdict()).isEqualTo("ok");
        assertThat(page.verdictText())
                .startsWith("Yes: passkeys can work on this page. Its address, http://localhost:");
        assertThat(page.rows("browser"))
                .containsEntry("Browser", "Chrome on Linux")
                .containsEntry("Secure context", "yes")
                .containsEntry("Passkeys (WebAuthn)", "yes")
                .containsEntry("Built-in authenticator (screen lock, fingerprint or face)", "yes")
                .containsEntry("Passkeys offered in autofill", "yes");
        assertThat(page.rows("browser").get("Client capabilities it has"))
                .contains("conditionalGet", "signalUnknownCredential");
        assertThat(page.rows("browser")).containsKey("Client capabilities it lacks");
        PageChecks checks = new PageChecks(browser);
        checks.check("diagnostics");

        assertThat(page.runByKeyboard()).as(page.result()).isEqualTo("passed");
        assertThat(page.steps())
                .extracting(DiagnosticsPage.Step::id)
                .containsExactly("options", "create", "register", "sign-in-options", "get", "verify");
        assertThat(page.steps())
                .allSatisfy(step -> assertThat(step.state()).as(step.text()).isEqualTo("ok"));
        assertThat(page.steps().get(2).text()).contains("it would be named \"Chrome on Linux\"");
        assertThat(page.steps().get(5).text()).contains("Nobody was signed in.");
        assertThat(page.result()).startsWith("All steps passed: passkeys work on this site in this browser.");
        assertThat(browser.run("return document.activeElement.id;"))
                .as("focus stays on the button")
                .isEqualTo("diag-run");
        page.showSteps();
        checks.check("diagnostics-passed");
        checks.assertAllPassed();

        assertThat(Me.fetch(browser)).as("still the password sign-in").isEqualTo(new Me(200, username, "password"));
        assertThat(PasskeysPage.open(browser).names())
                .as("no passkey on the account")
                .isEmpty();
    }
}
