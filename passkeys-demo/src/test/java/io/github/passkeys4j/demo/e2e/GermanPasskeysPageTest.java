package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second locale rendered (issue 9): Chromium set to German ({@code --lang=de-DE} and {@code intl.accept_languages},
 * BROWSER-TESTING point 12) gets the passkeys page, its live messages, its dates (the browser's {@code Intl}) and a
 * refused sign-in in German, at phone and desktop width; screenshots in target/screenshots. The demo's own pages
 * (sign-up, login, home, its layout's header) are German too, from its messages_de.properties.
 */
@ActiveProfiles("test")
class GermanPasskeysPageTest extends BrowserTest {

    @Override
    @BeforeAll
    void openBrowser() {
        browser = Browser.openInLanguage("http://localhost:" + port, "de-DE");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void thePasskeysPageAndARefusedSignInSpeakGerman(int width) {
        browser.replaceAuthenticator();
        browser.forgetSession();
        browser.width(width);
        String username = Users.unique("deutsch" + width);
        LoginPage signedUp = SignupPage.open(browser).signUp(username, Users.PASSWORD);
        assertThat(browser.run("return document.documentElement.lang;")).isEqualTo("de");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Anmelden");
        assertThat(browser.text(By.id("passkey-signin"))).isEqualTo("Mit einem Passkey anmelden");
        HomePage home = signedUp.signInWithPassword(username, Users.PASSWORD);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sie sind angemeldet");
        assertThat(home.how()).isEqualTo("Passwort");
        PasskeysPage page = home.managePasskeys();

        assertThat(browser.driver().getCurrentUrl()).as("the demo's own page").endsWith("/account/passkeys");
        assertThat(browser.run("return document.documentElement.lang;")).isEqualTo("de");
        assertThat(browser.driver().getTitle()).isEqualTo("Ihre Passkeys · Passkeys-Demo");
        assertThat(browser.text(By.cssSelector("header.site-header .brand"))).isEqualTo("Passkeys-Demo");
        assertThat(browser.text(By.id("nav-passkeys"))).isEqualTo("Passkeys");
        assertThat(browser.text(By.id("signout"))).isEqualTo("Abmelden");
        assertThat(browser.run("return document.querySelector('.site-nav').getAttribute('aria-label');"))
                .isEqualTo("Konto");
        assertThat(browser.run("return document.querySelector('passkeys-manager').lang;"))
                .isEqualTo("de");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ihre Passkeys");
        assertThat(browser.text(By.id("add-passkey"))).isEqualTo("Passkey hinzufügen");
        assertThat(browser.text(By.id("passkeys-empty"))).isEqualTo("Sie haben noch keine Passkeys.");

        page.addPasskey("Laptop");
        assertThat(page.status()).isEqualTo("Passkey hinzugefügt: Laptop.");
        PasskeysPage.Row laptop = page.row("Laptop");
        assertThat(laptop.meta()).contains("Hinzugefügt: gerade eben", "Noch nie benutzt");
        assertThat(laptop.transports()).isEqualTo("Funktioniert mit: diesem Gerät");
        assertThat(laptop.toggleLabel()).isEqualTo("Deaktivieren");
        assertThat(laptop.times().get(0).title())
                .as("the exact time in German form (day.month.year)")
                .containsPattern("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
        assertThat(page.syncHint()).startsWith("Keiner Ihrer Passkeys wird synchronisiert");
        browser.checkLayout("passkeys-page-de");

        page.toggle("Laptop");
        assertThat(page.status())
                .isEqualTo(
                        "Laptop ist deaktiviert: Damit können Sie sich erst wieder anmelden, wenn Sie ihn aktivieren.");

        LoginPage login = HomePage.open(browser).signOut();
        login.clickPasskeySignIn();
        assertThat(login.passkeyError())
                .as("the problem's message for the user, in German")
                .isEqualTo("Dieser Passkey ist deaktiviert. Aktivieren Sie ihn auf Ihrer Passkey-Seite wieder oder"
                        + " melden Sie sich anders an.");
        assertThat(browser.run("return document.getElementById('passkey-error').lang;"))
                .as("the client marks its message with its language, for screen readers")
                .isEqualTo("de");
        assertThat(Me.fetch(browser).status()).isEqualTo(401);
        browser.checkLayout("refused-sign-in-de");

        @SuppressWarnings("unchecked")
        Map<String, Object> said = (Map<String, Object>) browser.runAsync("""
                const done = arguments[arguments.length - 1];
                Passkeys.texts().then(() => Passkeys.request('POST', '/registration/options', {}).catch(refused => done({
                  language: Passkeys.language(),
                  cancelled: Passkeys.explain(new DOMException('user closed the sheet', 'NotAllowedError')).message,
                  refused: refused.message,
                  detail: refused.problem.detail,
                })));
                """);
        assertThat(said)
                .containsEntry("language", "de")
                .as("signed out: the user's words on the error, the developer's kept in error.problem")
                .containsEntry(
                        "refused",
                        "Bitte melden Sie sich zuerst an: Sie sind nicht angemeldet, oder Ihre Sitzung ist"
                                + " abgelaufen.")
                .containsEntry("detail", "Not signed in: this endpoint needs a session that the app's rules accept.")
                .containsEntry(
                        "cancelled",
                        "Die Passkey-Anfrage wurde abgebrochen oder hat zu lange gedauert. Versuchen Sie es erneut"
                                + " oder melden Sie sich mit Ihrem Passwort an.");
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void theDiagnosticsPageAndItsTestSpeakGerman(int width) {
        browser.replaceAuthenticator();
        browser.forgetSession();
        browser.width(width);
        String username = Users.unique("diagnose" + width);
        SignupPage.open(browser).signUp(username, Users.PASSWORD).signInWithPassword(username, Users.PASSWORD);
        DiagnosticsPage page = DiagnosticsPage.open(browser);

        assertThat(browser.run("return document.documentElement.lang;")).isEqualTo("de");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Passkey-Diagnose");
        assertThat(page.rows("settings"))
                .containsEntry("Relying-Party-ID", "localhost passkeys.rp-id")
                .containsEntry("User Handle der Antwort muss passen", "ja passkeys.require-user-handle-match");
        assertThat(page.verdictText()).startsWith("Ja: Passkeys können auf dieser Seite funktionieren.");
        assertThat(page.rows("browser"))
                .as("the script's rows, from the page's texts")
                .containsEntry("Sicherer Kontext", "ja")
                .containsEntry("Passkeys im Autofill angeboten", "ja");

        assertThat(page.runByKeyboard()).as(page.result()).isEqualTo("passed");
        assertThat(page.steps().get(1).text()).startsWith("Einen Test-Passkey im Browser erstellen");
        assertThat(page.steps().get(2).text())
                .contains("Erledigt: er hieße „Chrome on Linux“", "Benutzer verifiziert: ja");
        assertThat(page.result()).startsWith("Alle Schritte bestanden");
        page.showSteps();
        browser.checkLayout("diagnostics-de");
    }
}
