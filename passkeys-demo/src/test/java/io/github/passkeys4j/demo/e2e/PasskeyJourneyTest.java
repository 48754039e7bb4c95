package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey in real Chromium with a virtual platform authenticator: sign up, sign in with the password,
 * add a passkey on the starter's page, sign out, sign in with the passkey button, and be the same user.
 * <p>
 * The login page starts a conditional (autofill) request on load. Chrome's virtual authenticator would answer it at
 * once and sign the page in by itself (BROWSER-TESTING point 7), so this browser holds conditional requests pending
 * as a real browser does until the user picks a passkey: what this test covers is the button path (the pending
 * autofill request is aborted and a modal request signs in). {@link PasskeyAutofillTest} covers the autofill path.
 */
@ActiveProfiles("test")
class PasskeyJourneyTest extends BrowserTest {

    @Test
    void signUpAddAPasskeySignOutAndSignBackInWithThePasskey() {
        String username = Users.unique("journey");

        HomePage home =
                SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("password");
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "password"));

        PasskeysPage passkeys = home.managePasskeys().addPasskey("Journey laptop");
        assertThat(passkeys.names()).containsExactly("Journey laptop");
        assertThat(browser.authenticator().getCredentials()).hasSize(1);
        int signCountAfterCreate =
                browser.authenticator().getCredentials().get(0).getSignCount();
        assertThat(passkeys.status()).containsIgnoringCase("added");

        home = HomePage.open(browser);
        browser.clearCredentialRequests();
        LoginPage login = home.signOut();
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        browser.waitUntil(
                "the login page's conditional request",
                driver -> !browser.credentialRequests().isEmpty());
        String sessionBeforePasskey = browser.sessionId();
        assertThat(sessionBeforePasskey)
                .as("the login page's session (it holds the CSRF token)")
                .isNotNull();

        home = login.signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
        assertThat(browser.sessionId())
                .as("session id is changed at sign-in (session fixation protection)")
                .isNotNull()
                .isNotEqualTo(sessionBeforePasskey);

        List<Map<String, Object>> requests = browser.credentialRequests();
        assertThat(requests).as("the autofill request, then the button's").hasSize(2);
        assertThat(requests.get(0)).containsEntry("mediation", "conditional").containsEntry("aborted", true);
        assertThat(requests.get(1).get("mediation")).isNotEqualTo("conditional");
        assertThat(requests.get(1)).containsEntry("outcome", "resolved");
        assertThat(browser.authenticator().getCredentials().get(0).getSignCount())
                .as("the authenticator signed an assertion")
                .isGreaterThan(signCountAfterCreate);
    }
}
