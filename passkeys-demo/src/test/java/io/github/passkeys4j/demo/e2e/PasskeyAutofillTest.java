package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey autofill (conditional mediation) on the login page, as far as a headless browser can show it.
 * <p>
 * Not covered here: the autofill dropdown itself (its appearance when the username field is focused, and the user
 * picking a passkey from it). Chrome's virtual authenticator has no such UI: it answers a conditional request at
 * once, or rejects it at once when it has no passkey (BROWSER-TESTING point 7). So these tests check the page's
 * JavaScript path instead: the request is started on load with the right options and a signal, it is aborted when
 * the user clicks the passkey button or submits the password form, and an answered request signs the user in.
 */
@ActiveProfiles("test")
class PasskeyAutofillTest extends BrowserTest {

    @BeforeEach
    void signedOutWithoutPasskeys() {
        browser.holdConditionalRequests(true);
        browser.authenticator().removeAllCredentials();
        browser.forgetSession();
    }

    @Test
    void theLoginPageStartsAConditionalRequestThatTheButtonAbortsForAModalOne() {
        LoginPage login = openLoginPageWithFreshLog();
        assertThat(login.usernameAutocomplete()).isEqualTo("username webauthn");
        Map<String, Object> autofill = awaitRequests(1).get(0);
        assertThat(autofill)
                .containsEntry("mediation", "conditional")
                .containsEntry("publicKey", true)
                .containsEntry("challenge", true)
                .as("an autofill request must be abortable")
                .containsEntry("signal", true)
                .containsEntry("aborted", false)
                .containsEntry("outcome", "pending");

        login.clickPasskeySignIn();
        List<Map<String, Object>> requests = awaitRequests(2);
        assertThat(requests.get(0)).containsEntry("aborted", true);
        assertThat(requests.get(1).get("mediation"))
                .as("the button's request is modal")
                .isNotEqualTo("conditional");
        assertThat(requests.get(1)).containsEntry("publicKey", true).containsEntry("challenge", true);
        // This authenticator has no passkey, so the modal request is refused: see PasskeyRefusalTest.
        assertThat(login.passkeyError()).isNotBlank();
    }

    @Test
    void submittingThePasswordFormAbortsTheConditionalRequest() {
        LoginPage login = openLoginPageWithFreshLog();
        awaitRequests(1);

        login.submitPassword(Users.unique("nobody"), "wrong password");
        browser.waitUntil("the login error page", ExpectedConditions.urlContains("/login?error"));
        Map<String, Object> autofill = browser.credentialRequests().get(0);
        assertThat(autofill).containsEntry("mediation", "conditional").containsEntry("aborted", true);
    }

    @Test
    void anAnsweredConditionalRequestSignsTheUserInWithThePasskey() {
        String username = Users.unique("autofill");
        HomePage home =
                SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        home.managePasskeys().addPasskey("Autofill laptop");
        home = HomePage.open(browser);
        browser.clearCredentialRequests();

        // From now on the virtual authenticator answers the autofill request at once, as if the user had picked
        // the passkey from the list: signing out lands on the login page, which then signs in by itself.
        browser.holdConditionalRequests(false);
        home.clickSignOut();
        browser.waitUntil(
                "a passkey sign-in from the autofill request",
                driver -> driver.findElements(HomePage.HOW).stream()
                        .anyMatch(how -> "passkey".equals(how.getText().strip())));

        home = HomePage.at(browser);
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
        assertThat(browser.credentialRequests())
                .anySatisfy(request -> assertThat(request)
                        .containsEntry("mediation", "conditional")
                        .containsEntry("outcome", "resolved"));
    }

    /**
     * Clears the log on a page without autofill, then opens the login page: clearing it on the login page races with
     * that page's own request, which could land in the fresh log just before a reload leaves it pending forever.
     */
    private LoginPage openLoginPageWithFreshLog() {
        SignupPage.open(browser);
        browser.clearCredentialRequests();
        return LoginPage.open(browser);
    }

    private List<Map<String, Object>> awaitRequests(int count) {
        browser.waitUntil(
                count + " credential request(s)",
                driver -> browser.credentialRequests().size() >= count);
        return browser.credentialRequests();
    }
}
