package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.demo.e2e.PasskeysPage.Row;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The passkeys page ({@code /passkeys/manage}) in Chromium: list, rename, disable/enable, delete with confirmation,
 * and what each change does to signing in.
 * <p>
 * What Chrome's virtual authenticator reports (Chromium 156, found by trying): AAGUID
 * {@code 01020304-0506-0708-0102-030405060708}, which no passkey provider uses, so the page names no provider
 * and shows the generic icon; flags BE=0 and BS=0, so its passkeys are device-bound and the sync hint shows. A known
 * provider is shown with a passkey from the core's {@link SoftwareAuthenticator} (Google Password Manager's AAGUID,
 * BE=BS=1), registered through the page's own client in the same browser session. Chrome allows one internal
 * authenticator per browser: a "second device" here replaces the first ({@link Browser#replaceAuthenticator}).
 */
@ActiveProfiles("test")
class PasskeyManagementTest extends BrowserTest {

    /** The AAGUID of Chromium's virtual CTAP2 authenticator (its {@code kDeviceAaguid}). */
    static final UUID CHROME_VIRTUAL_AAGUID = UUID.fromString("01020304-0506-0708-0102-030405060708");
    /** For review of the page's look (issue 4); relative to the module, so under passkeys-demo/target/. */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "passkeys-page.png");

    @Autowired
    PasskeyRepository passkeyRepository;

    @Override
    void browserOpened() {
        browser.viewportSize(1200, 900);
    }

    @BeforeEach
    void newDeviceSignedOut() {
        browser.replaceAuthenticator();
        browser.forgetSession();
    }

    @Test
    void passkeysFromTwoDevicesAreListedAsTheBrowserReportsThem() {
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("two-devices"));
        assertThat(page.rows()).isEmpty();
        assertThat(page.syncHintShown())
                .as("no passkeys: nothing to hint about")
                .isFalse();

        page.addPasskey("Laptop");
        assertThat(page.status()).isEqualTo("Passkey added: Laptop.");
        Row laptop = page.row("Laptop");
        Passkey stored = passkeyRepository.findByCredentialId(laptop.id()).orElseThrow();
        assertThat(stored.aaguid()).as("Chrome's virtual authenticator AAGUID").isEqualTo(CHROME_VIRTUAL_AAGUID);
        assertThat(stored.backupEligible()).as("BE flag").isFalse();
        assertThat(stored.backupState()).as("BS flag").isFalse();
        assertThat(laptop.provider()).as("an unknown provider is not named").isNull();
        assertThat(laptop.genericIcon()).isTrue();
        assertThat(laptop.iconSrc()).as("the generic key icon").startsWith("data:image/svg+xml");
        assertThat(laptop.badges()).containsExactly("device-bound");
        assertThat(laptop.transports()).isEqualTo("Works with this device");
        assertThat(laptop.meta()).contains("Never used");
        assertThat(laptop.toggleLabel()).isEqualTo("Disable");
        assertThat(laptop.times()).singleElement().satisfies(added -> {
            assertThat(Instant.parse(added.datetime())).isCloseTo(stored.createdAt(), within(1, ChronoUnit.MILLIS));
            assertThat(added.title())
                    .as("the exact time")
                    .containsPattern("\\d{1,2}:\\d{2}:\\d{2}")
                    .isNotEqualTo(added.text());
        });
        assertThat(page.syncHintShown()).as("no passkey is synced").isTrue();
        assertThat(page.syncHint()).startsWith("None of your passkeys is synced");

        assertThat(page.addPasskeyRefused("Laptop again"))
                .as("excludeCredentials: the authenticator already holds a passkey for this account")
                .isEqualTo("This device already has a passkey for your account.");
        assertThat(page.names()).containsExactly("Laptop");

        browser.replaceAuthenticator();
        page.addPasskey("Desktop");
        assertThat(page.names()).containsExactly("Laptop", "Desktop");
        assertThat(page.reload().rows()).allSatisfy(row -> {
            assertThat(row.provider()).isNull();
            assertThat(row.badges()).containsExactly("device-bound");
        });
        assertThat(page.syncHintShown()).isTrue();
    }

    @Test
    void aKnownProviderIsShownByNameAndIconAndASyncedPasskeyHidesTheSyncHint() {
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("provider")).addPasskey("Laptop");
        assertThat(page.syncHintShown()).isTrue();

        page = page.addPasskeyFrom(new SoftwareAuthenticator(), "http://localhost:" + port, "Pixel phone");
        assertThat(page.names()).containsExactly("Laptop", "Pixel phone");
        Row phone = page.row("Pixel phone");
        assertThat(phone.provider()).isEqualTo("Google Password Manager");
        assertThat(phone.iconSrc()).startsWith("data:image/");
        assertThat(phone.genericIcon()).isFalse();
        assertThat(page.iconDrawn("Pixel phone"))
                .as("the provider's icon is drawn")
                .isTrue();
        assertThat(phone.badges()).containsExactly("synced");
        assertThat(phone.transports()).contains("phone or tablet nearby").contains("this device");
        assertThat(page.row("Laptop").provider()).isNull();
        assertThat(page.syncHintShown()).as("one passkey is synced").isFalse();

        assertThat(browser.saveScreenshot(SCREENSHOT)).isNotEmptyFile();
    }

    @Test
    void aRenameShowsAtOnceAndAfterAReload() {
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("rename")).addPasskey("Laptop");

        assertThat(page.startRename("Laptop")).isEqualTo("Laptop");
        page.cancelRename();
        assertThat(page.names()).containsExactly("Laptop");

        page.rename("Laptop", "  Work laptop  ");
        assertThat(page.status()).isEqualTo("Renamed to Work laptop.");
        assertThat(page.currentError()).isEmpty();
        assertThat(page.names()).containsExactly("Work laptop");
        assertThat(page.reload().names()).containsExactly("Work laptop");
    }

    @Test
    void aDisabledPasskeyCannotSignInUntilItIsEnabledAgain() {
        String username = Users.unique("disable");
        PasskeysPage page = signUpAndOpenPasskeys(username).addPasskey("Laptop");

        page.toggle("Laptop");
        assertThat(page.status()).isEqualTo("Laptop is disabled: it cannot sign in until you enable it.");
        assertThat(page.row("Laptop").badges()).contains("disabled");
        assertThat(page.reload().row("Laptop").toggleLabel()).isEqualTo("Enable");
        assertThat(browser.authenticator().getCredentials())
                .as("the page's Signal API call keeps a disabled passkey on the device")
                .hasSize(1);

        LoginPage login = HomePage.open(browser).signOut();
        login.clickPasskeySignIn();
        assertThat(login.passkeyError())
                .as("the user's words (the problem's message), not the developer's detail")
                .isEqualTo(
                        "This passkey is turned off. Turn it on again on your passkeys page, or sign in another way.");
        assertThat(browser.path()).startsWith("/login");
        assertThat(Me.fetch(browser).status()).isEqualTo(401);

        page = login.signInWithPassword(username, Users.PASSWORD)
                .managePasskeys()
                .toggle("Laptop");
        assertThat(page.status()).isEqualTo("Laptop is enabled.");
        assertThat(page.row("Laptop").badges()).containsExactly("device-bound");
        assertThat(page.row("Laptop").toggleLabel()).isEqualTo("Disable");

        HomePage home = HomePage.open(browser).signOut().signInWithPasskey();
        assertThat(home.how()).isEqualTo("passkey");
        assertThat(Me.fetch(browser)).isEqualTo(new Me(200, username, "passkey"));
        Row used = home.managePasskeys().row("Laptop");
        assertThat(used.badges()).containsExactlyInAnyOrder("device-bound", "current");
        assertThat(used.meta()).contains("Last used");
        assertThat(used.times()).hasSize(2);
    }

    /**
     * Turning off or deleting the passkey this session signed in with ends the session (README: "Revoking a passkey"):
     * the page says so first, and then shows the sign-in page rather than a list that is no longer this user's.
     */
    @Test
    void disablingOrDeletingThePasskeyOfThisSignInWarnsThenSignsOutHere() {
        String username = Users.unique("current");
        signUpAndOpenPasskeys(username).addPasskey("Laptop");
        PasskeysPage page = HomePage.open(browser).signOut().signInWithPasskey().managePasskeys();
        By toggle = By.cssSelector("li.passkey button.passkey-toggle");

        browser.driver().findElement(toggle).click();
        Alert disable = browser.waitUntil("the confirmation", ExpectedConditions.alertIsPresent());
        assertThat(disable.getText())
                .isEqualTo("You signed in with \"Laptop\": disabling it also signs you out here. Disable it?");
        disable.dismiss();
        assertThat(page.row("Laptop").toggleLabel()).isEqualTo("Disable");
        assertThat(Me.fetch(browser).status()).isEqualTo(200);

        browser.driver().findElement(toggle).click();
        browser.waitUntil("the confirmation", ExpectedConditions.alertIsPresent())
                .accept();
        browser.waitUntil("the sign-in page", driver -> browser.path().startsWith("/login"));
        assertThat(Me.fetch(browser).status()).isEqualTo(401);

        // Signed in again, the browser is back on the passkeys page it was on.
        LoginPage.at(browser).submitPassword(username, Users.PASSWORD);
        page = PasskeysPage.at(browser);
        assertThat(page.row("Laptop").badges()).doesNotContain("current");
        page.toggle("Laptop");
        page = HomePage.open(browser).signOut().signInWithPasskey().managePasskeys();
        PasskeysPage.DeleteDialog delete = page.delete("Laptop");
        assertThat(delete.warning())
                .isEqualTo("You signed in with this passkey: deleting it also signs you out here. This is your last"
                        + " passkey. After deleting it you can only sign in with your password.");
        browser.driver()
                .findElement(By.cssSelector("button.passkey-delete-confirm"))
                .click();
        browser.waitUntil("the sign-in page", driver -> browser.path().startsWith("/login"));
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        LoginPage.at(browser).submitPassword(username, Users.PASSWORD);
        assertThat(PasskeysPage.at(browser).rows()).isEmpty();
    }

    @Test
    void aDeleteAsksFirstWarnsAboutTheLastPasskeyAndADeletedPasskeyCannotSignIn() {
        PasskeysPage page = signUpAndOpenPasskeys(Users.unique("delete")).addPasskey("Laptop");
        browser.replaceAuthenticator();
        page.addPasskey("Desktop");
        Credential desktopKey = browser.authenticator().getCredentials().get(0);
        String desktopId = Base64.getUrlEncoder().withoutPadding().encodeToString(desktopKey.getId());

        PasskeysPage.DeleteDialog dialog = page.delete("Desktop");
        assertThat(dialog.text()).startsWith("\"Desktop\" will no longer sign you in.");
        assertThat(dialog.warning()).as("two passkeys: no last-passkey warning").isNull();
        dialog.cancel();
        assertThat(page.reload().names()).as("cancel deletes nothing").containsExactly("Laptop", "Desktop");

        page.delete("Desktop").confirm();
        assertThat(page.status()).isEqualTo("Deleted Desktop.");
        assertThat(page.names()).containsExactly("Laptop");
        assertThat(passkeyRepository.findByCredentialId(desktopId)).isEmpty();
        browser.waitUntil(
                "Chrome to drop the deleted passkey (signalAllAcceptedCredentials)",
                driver -> browser.authenticator().getCredentials().isEmpty());

        dialog = page.delete("Laptop");
        assertThat(dialog.warning())
                .isEqualTo("This is your last passkey. After deleting it you can only sign in with your password.");
        dialog.cancel();
        assertThat(page.reload().names()).containsExactly("Laptop");

        // A device that missed the signal still offers the deleted passkey: put it back into this browser's.
        browser.authenticator().addCredential(desktopKey);
        LoginPage login = HomePage.open(browser).signOut();
        login.clickPasskeySignIn();
        assertThat(login.passkeyError())
                .isEqualTo("This passkey was removed from your account. Choose another one or sign in with your"
                        + " password.");
        assertThat(browser.path()).startsWith("/login");
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        browser.waitUntil(
                "Chrome to drop the unknown passkey (signalUnknownCredential)",
                driver -> browser.authenticator().getCredentials().isEmpty());
    }

    private PasskeysPage signUpAndOpenPasskeys(String username) {
        return SignupPage.open(browser)
                .signUp(username, Users.PASSWORD)
                .signInWithPassword(username, Users.PASSWORD)
                .managePasskeys();
    }
}
