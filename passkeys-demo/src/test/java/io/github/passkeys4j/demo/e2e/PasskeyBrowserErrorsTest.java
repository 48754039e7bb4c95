package io.github.passkeys4j.demo.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser errors in plain words on the page (passkeys.js {@code explain}), the technical detail in the console only.
 * A user who never confirms is real: a virtual authenticator with {@code isUserConsenting=false} leaves the request
 * waiting until the options' timeout (2 s here, {@code passkeys.ceremony-timeout}). A wrong domain set-up cannot
 * be made with {@code localhost} here, so SecurityError and the others are checked through {@code Passkeys.explain}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passkeys.ceremony-timeout=2s")
@ActiveProfiles("test")
class PasskeyBrowserErrorsTest extends BrowserTest {

    static final String CANCELLED =
            "The passkey request was cancelled or timed out. Try again, or sign in with your password.";

    @Test
    void aUserWhoNeverConfirmsIsToldInPlainWords() {
        String username = Users.unique("declines");
        SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Declining laptop");
        browser.forgetSession();
        // The same passkey, on an authenticator whose user never confirms.
        var credentials = browser.authenticator().getCredentials();
        browser.driver().removeVirtualAuthenticator(browser.authenticator());
        var declining = browser.driver()
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(false));
        credentials.forEach(declining::addCredential);

        LoginPage login = LoginPage.open(browser);
        login.clickPasskeySignIn();

        assertThat(login.passkeyError()).isEqualTo(CANCELLED);
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
    }

    @Test
    void everyBrowserErrorHasPlainWordsAndAbortIsSilent() {
        LoginPage.open(browser);
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) browser.runAsync("""
                const done = arguments[arguments.length - 1];
                Passkeys.texts().then(() => { // in the user's language, from GET /passkeys/messages
                const said = {};
                for (const name of ['NotAllowedError', 'TimeoutError', 'InvalidStateError', 'SecurityError',
                    'NotSupportedError', 'UnknownError', 'AbortError']) {
                  const explained = Passkeys.explain(new DOMException('technical detail ' + name, name));
                  said[name] = explained instanceof Passkeys.PasskeyError ? explained.message : 'silent:' + explained.name;
                }
                done(said);
                });
                """);
        assertThat(messages)
                .containsEntry("NotAllowedError", CANCELLED)
                .containsEntry("TimeoutError", CANCELLED)
                .containsEntry("InvalidStateError", "This device already has a passkey for your account.")
                .containsEntry(
                        "SecurityError",
                        "Passkeys are not set up correctly for this site (the site's address does not match)."
                                + " Please tell the site's support.")
                .containsEntry("AbortError", "silent:AbortError");
        assertThat(List.copyOf(messages.values()))
                .as("the technical detail goes to the console, not the page")
                .noneMatch(message -> message.toString().contains("technical detail"));
    }
}
