package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device with no passkey for the site: the site has a user with a passkey (made in one browser), and a second
 * browser whose authenticator has none clicks "Sign in with a passkey". The virtual authenticator refuses with
 * {@code NotAllowedError}; the page must say so in its error area and stay signed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyRefusalTest {

    @LocalServerPort
    int port;

    Browser owner;
    Browser stranger;

    @BeforeAll
    void openBrowsers() {
        owner = Browser.open(port);
        stranger = Browser.open(port);
    }

    @AfterAll
    void closeBrowsers() {
        for (Browser browser : new Browser[] {owner, stranger}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aBrowserWithoutAPasskeyGetsAClearErrorAndStaysSignedOut() {
        String username = Users.unique("owner");
        SignupPage.open(owner)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .addPasskey("Owner's laptop");
        assertThat(owner.authenticator().getCredentials()).hasSize(1);

        LoginPage login = LoginPage.open(stranger);
        login.clickPasskeySignIn();
        String error = login.passkeyError();

        assertThat(error).isNotBlank().doesNotContain("Exception").doesNotContain(" at ");
        assertThat(stranger.path()).startsWith("/login");
        assertThat(Me.fetch(stranger).status()).isEqualTo(401);
        assertThat(stranger.authenticator().getCredentials()).isEmpty();
    }
}
