package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey-only sign-up end to end in Chromium with the virtual platform authenticator, at 390 px and 1280 px: from the
 * login page to "Create an account with a passkey" by keyboard, sign up (no password field on the way), signed in with
 * the passkey; a taken username is said in plain words at the field; the account's recovery codes shown once; sign
 * out and sign back in with the passkey.
 * Every state passes axe-core and the layout checks in light and dark mode. The login page's autofill request is held
 * pending as in a real browser (BROWSER-TESTING point 7): the sign-in here is the button's.
 */
@ActiveProfiles("test")
class PasskeySignUpBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsManager users;

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void signUpWithOnlyAPasskeySignOutAndSignBackInWithIt(int width) {
        browser.width(width);
        PageChecks checks = new PageChecks(browser);
        String username = Users.unique("pk" + width);
        String taken = Users.unique("taken" + width);
        users.createUser(User.withUsername(taken)
                .password("{noop}" + Users.PASSWORD)
                .roles("USER")
                .build());

        LoginPage.open(browser);
        WebElement link = browser.driver().findElement(By.id("signup-passkey-link"));
        assertThat(link.getText()).isEqualTo("Create an account with a passkey");
        link.sendKeys(Keys.ENTER);
        PasskeySignUpPage page = PasskeySignUpPage.at(browser);
        assertThat(browser.path()).isEqualTo("/signup/passkey");
        assertThat(page.passwordFields()).as("no password field").isZero();
        checks.check("signup-passkey");

        // A taken name is refused before the device is asked for anything, at the field.
        page.submit(taken, "");
        assertThat(page.error()).isEqualTo("This username is already taken. Choose another one.");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("username");
        assertThat(browser.driver().findElement(PasskeySignUpPage.USERNAME).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.authenticator().getCredentials()).isEmpty();
        checks.check("signup-passkey-taken");

        // Signed up: the account's recovery codes are shown this once, in place of the form, focus on their heading.
        List<String> codes = page.signUp(username, "Pat Passkey");
        assertThat(codes)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("passkeys-signup-codes-heading");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_recovery_code c JOIN passkeys_user u"
                                + " ON u.account_id = c.account_id WHERE u.username = ? AND c.used_at IS NULL",
                        Integer.class,
                        username))
                .as("stored, as hashes only")
                .isEqualTo(10);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM passkeys_recovery_code WHERE code_hash LIKE ?",
                        Integer.class,
                        "%" + codes.get(0) + "%"))
                .isZero();
        checks.check("signup-passkey-codes");
        HomePage home = page.continueToApp();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
        assertThat(browser.authenticator().getCredentials()).hasSize(1);
        assertThat(browser.authenticator().getCredentials().get(0).isResidentCredential())
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT password FROM users WHERE username = ?", String.class, username))
                .as("no password is ever set")
                .isEmpty();
        checks.check("home-after-passkey-signup");

        LoginPage login = home.signOut();
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        home = login.signInWithPasskey();
        assertThat(home.whoami()).isEqualTo(username);
        assertThat(home.how()).isEqualTo("passkey");

        assertThat(checks.checked()).hasSize(8);
        checks.assertAllPassed();
    }
}
