package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autofill that never goes stale, with challenges that live 2 seconds: the login page restarts its conditional request
 * with fresh options before they expire, and quietly after the server finds a challenge expired or the browser cancels
 * the request, a few times a minute at most.
 * <p>
 * Not covered here: a real autofill list (BROWSER-TESTING point 7). A user's pick is simulated in the page: after the
 * page has been open longer than a challenge lives, conditional requests are answered by the virtual authenticator,
 * first with an expired challenge (as a browser that kept an old request would), then with the page's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passkeys.ceremony-timeout=2s")
@ActiveProfiles("test")
class PasskeyAutofillRestartTest extends BrowserTest {

    /**
     * Installed in the page once it is open: the first conditional request it sees stays held (its challenge is kept);
     * the next is answered 900 ms later with that kept challenge, by then expired; later ones with their own options.
     * Records every text the error area shows in sessionStorage, so it survives the sign-in's navigation.
     */
    private static final String PICK_A_PASSKEY_LATE = """
            const held = navigator.credentials.get.bind(navigator.credentials);
            let kept = null, staleSent = false;
            const error = document.getElementById('passkey-error');
            new MutationObserver(() => {
              if (error.textContent.trim()) {
                const seen = JSON.parse(sessionStorage.getItem('errors-seen') || '[]');
                seen.push(error.textContent);
                sessionStorage.setItem('errors-seen', JSON.stringify(seen));
              }
            }).observe(error, { childList: true, characterData: true, subtree: true });
            navigator.credentials.get = async function (options) {
              if (!options || options.mediation !== 'conditional') return held(options);
              const answered = Object.assign({}, options);
              delete answered.mediation;
              if (!kept) { kept = options.publicKey; return held(options); }
              if (!staleSent) {
                staleSent = true;
                await new Promise(resolve => setTimeout(resolve, 900));
                return held(Object.assign(answered, { publicKey: kept }));
              }
              return held(answered);
            };
            """;

    @BeforeEach
    void signedOut() {
        browser.holdConditionalRequests(true);
        browser.forgetSession();
    }

    @Test
    void aPasskeyPickedAfterTheChallengeExpiredSignsInWithoutAReloadOrAnError() throws InterruptedException {
        String username = Users.unique("late");
        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Late laptop");
        browser.forgetSession();

        SignupPage.open(browser); // no autofill there: nothing races with clearing the log
        browser.clearCredentialRequests();
        LoginPage.open(browser);
        browser.run("sessionStorage.removeItem('errors-seen');");

        Thread.sleep(3000); // longer than a challenge lives
        assertThat(browser.credentialRequests())
                .as("restarted before the options' timeout (1.5 s of 2 s)")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(request -> assertThat(request).containsEntry("mediation", "conditional"))
                .filteredOn(request -> "pending".equals(request.get("outcome")))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(browser.credentialRequests()
                        .subList(0, browser.credentialRequests().size() - 1))
                .allSatisfy(request -> assertThat(request).containsEntry("aborted", true));
        assertThat(browser.text(LoginPage.PASSKEY_ERROR)).isEmpty();

        // Installed in this document only: a reload would drop it, and nothing would answer the held request.
        browser.run(PICK_A_PASSKEY_LATE);
        browser.waitUntil(
                "a passkey sign-in from the autofill request",
                driver -> driver.findElements(HomePage.HOW).stream()
                        .anyMatch(how -> "passkey".equals(how.getText().strip())));

        assertThat(HomePage.at(browser).whoami()).isEqualTo(username);
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
        assertThat(browser.run("return sessionStorage.getItem('errors-seen');"))
                .as("no error shown on the way")
                .isNull();
        List<Map<String, Object>> answered = browser.credentialRequests().stream()
                .filter(request -> "resolved".equals(request.get("outcome")))
                .toList();
        assertThat(answered)
                .as("the expired pick, refused by the server, then the pick of the restarted request")
                .hasSize(2);
    }

    @Test
    void restartsAfterTheBrowserCancelsAreBounded() throws InterruptedException {
        // No hold and no passkey: Chrome's virtual authenticator rejects every conditional request at once with
        // NotAllowedError, as a browser would cancel it. The page restarts it quietly, 3 times a minute at most.
        browser.holdConditionalRequests(false);
        browser.authenticator().removeAllCredentials();
        SignupPage.open(browser);
        browser.clearCredentialRequests();
        LoginPage login = LoginPage.open(browser);

        Thread.sleep(5000);
        List<Map<String, Object>> requests = browser.credentialRequests();
        assertThat(requests)
                .as("the first request and at most 3 restarts in 5 s, not one every few milliseconds")
                .hasSizeBetween(2, 4)
                .allSatisfy(request -> assertThat(request)
                        .containsEntry("mediation", "conditional")
                        .containsEntry("outcome", "NotAllowedError"));
        assertThat(browser.text(LoginPage.PASSKEY_ERROR)).as("no error shown").isEmpty();
        assertThat(browser.path()).startsWith("/login");

        login.clickPasskeySignIn();
        assertThat(login.passkeyError())
                .isEqualTo("The passkey request was cancelled or timed out. Try again, or sign in with your password.");
    }
}
