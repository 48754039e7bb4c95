package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A security key (a second virtual authenticator: CTAP2 over USB, no resident keys) added on the passkeys page, then
 * used to sign in username-first on the login page: type the username, then the key. An unknown username goes through
 * the same steps (options with allowCredentials of the same shape, a key request) until the key finds no credential
 * of its own and the page says so in the same words as for a cancelled request. Run at 390 and 1280 px, with layout
 * and accessibility checks of both pages. What it cannot cover: touching a real key, and the browser's own dialogs.
 */
@ActiveProfiles("test")
class SecurityKeyBrowserTest extends BrowserTest {

    static final By KEY_USERNAME = By.id("security-key-username");
    static final By KEY_SUBMIT = By.id("security-key-signin");
    static final By KEY_ERROR = By.id("security-key-error");

    /** Wraps navigator.credentials.get to keep the shape of each request's options across page loads. */
    private static final String RECORD_SHAPES = """
            const real = navigator.credentials.get.bind(navigator.credentials);
            navigator.credentials.get = options => {
              const pk = options && options.publicKey;
              if (pk && options.mediation !== 'conditional') {
                const shapes = JSON.parse(sessionStorage.getItem('shapes') || '[]');
                shapes.push({ members: Object.keys(pk).sort().join(','), userVerification: pk.userVerification || '',
                  allow: (pk.allowCredentials || []).map(c => c.type + ' ' + c.id.byteLength + ' '
                    + (c.transports || []).join('+')) });
                sessionStorage.setItem('shapes', JSON.stringify(shapes));
              }
              return real(options);
            };
            """;

    private VirtualAuthenticator securityKey;

    @Override
    void browserOpened() {
        securityKey = browser.driver()
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                        .setHasResidentKey(false)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
    }

    private void signInWithKey(String username) {
        browser.run(RECORD_SHAPES);
        browser.driver().findElement(KEY_USERNAME).sendKeys(username);
        // The keyboard path: Enter in the field sends the form.
        browser.driver().findElement(KEY_USERNAME).sendKeys("\n");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> shapes() {
        return (List<Map<String, Object>>) browser.run("return JSON.parse(sessionStorage.getItem('shapes') || '[]');");
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void addASecurityKeyThenSignInWithUsernameAndKey(int width) {
        browser.width(width);
        browser.forgetSession();
        PageChecks checks = new PageChecks(browser);
        String username = Users.unique("key" + width);
        HomePage home =
                SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        int platformBefore = browser.authenticator().getCredentials().size();
        int keyBefore = securityKey.getCredentials().size();

        PasskeysPage passkeys = home.managePasskeys();
        checks.check("passkeys-with-security-key");
        passkeys.addSecurityKey("Blue key");
        assertThat(passkeys.names()).containsExactly("Blue key");
        assertThat(securityKey.getCredentials()).hasSize(keyBefore + 1);
        assertThat(securityKey.getCredentials().get(keyBefore).isResidentCredential())
                .as("a security key keeps no discoverable credential")
                .isFalse();
        assertThat(browser.authenticator().getCredentials()).hasSize(platformBefore);

        HomePage.open(browser).signOut();
        browser.run("sessionStorage.removeItem('shapes');");
        checks.check("login-security-key");
        signInWithKey(username);
        home = HomePage.at(browser);

        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        List<Map<String, Object>> known = shapes();
        assertThat(known).hasSize(1);
        assertThat((List<String>) known.get(0).get("allow"))
                .anySatisfy(d -> assertThat(d).endsWith(" usb"));

        // Someone types a username nobody has: the same steps, until no key holds a credential for it.
        home.signOut();
        browser.run("sessionStorage.removeItem('shapes');");
        signInWithKey(Users.unique("nobody"));
        browser.waitUntil(
                "the key's error", d -> !d.findElement(KEY_ERROR).getText().isBlank());
        List<Map<String, Object>> unknown = shapes();
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).get("members")).isEqualTo(known.get(0).get("members"));
        assertThat(unknown.get(0).get("userVerification"))
                .isEqualTo(known.get(0).get("userVerification"));
        assertThat((List<String>) unknown.get(0).get("allow"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).matches("public-key (16|20|32|48|64) [a-z+]+"));
        assertThat(browser.text(KEY_ERROR)).contains("No security key answered");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .as("focus back in the username field, to correct it")
                .isEqualTo("security-key-username");
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        checks.check("login-security-key-refused");
        checks.assertAllPassed();
    }
}
