package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnostics page when this page's address is not an allowed origin (a set-up mistake it exists to find): the
 * verdict says "No" and what to change, and the test stops, clearly, at the server's check of the new passkey; the
 * passkeys page's refused passkey is forgotten by its provider.
 */
@ActiveProfiles("test")
@TestPropertySource(properties = "passkeys.origins=https://localhost:1")
class DiagnosticsOriginRefusedBrowserTest extends BrowserTest {

    @Test
    void theVerdictAndTheTestSayTheOriginIsNotAllowed() {
        browser.width(390);
        String username = Users.unique("diagbad");
        SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        DiagnosticsPage page = DiagnosticsPage.open(browser);

        assertThat(page.verdict()).isEqualTo("bad");
        assertThat(page.verdictText())
                .startsWith("No: this page's address, http://localhost:" + port + ", is not one of the allowed origins "
                        + "(https://localhost:1)")
                .contains("Add it to passkeys.origins");

        assertThat(page.runByKeyboard()).isEqualTo("failed");
        assertThat(page.steps())
                .extracting(DiagnosticsPage.Step::state)
                .containsExactly("ok", "ok", "failed", "waiting", "waiting", "waiting");
        assertThat(page.steps().get(2).text()).contains("Failed: The server refused it (ORIGIN_NOT_ALLOWED)");
        assertThat(page.result()).startsWith("The test stopped at \"Server verifies the new passkey\".");
        page.showSteps();
        PageChecks checks = new PageChecks(browser);
        checks.check("diagnostics-origin-refused");
        checks.assertAllPassed();
    }

    /**
     * The passkeys page with the same mistake: the device makes the passkey, the server refuses it, and the page asks
     * the provider to forget it (Signal API), so no dead entry stays in the user's password manager.
     */
    @Test
    void aPasskeyTheServerRefusedIsForgottenByItsProvider() {
        String username = Users.unique("originbad");
        PasskeysPage page = SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys();

        assertThat(page.addPasskeyRefused("Laptop")).isNotBlank();
        assertThat(page.rows()).isEmpty();
        browser.waitUntil(
                "Chrome to drop the refused passkey (signalUnknownCredential)",
                driver -> browser.authenticator().getCredentials().isEmpty());
    }
}
