package io.github.passkeys4j.demo.e2e;

import io.github.passkeys4j.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.util.List;
import java.util.Map;

/**
 * What the automatic-upgrade tests do to Chromium before any page script runs (CDP
 * {@code Page.addScriptToEvaluateOnNewDocument}): record every {@code navigator.credentials.create} call in
 * sessionStorage, and optionally
 * <ul>
 *   <li>hide {@code conditionalCreate} from {@code getClientCapabilities()}, as a browser without conditional create
 *       reports, so the page takes its feature-detected fallback (the prompt) for real;</li>
 *   <li>send a {@code mediation: "conditional"} create to the virtual authenticator as a modal one: Chromium 156's
 *       virtual authenticator leaves a conditional create pending for ever (it waits for the password manager), so
 *       this is how the rest of the page's path (options from {@code /upgrade/options}, the finish) runs for real.</li>
 * </ul>
 * And the page's {@code [data-passkey-upgrade]} box.
 */
final class UpgradeBrowser {

    static final By BOX = By.id("passkey-upgrade");

    private static final String SCRIPT = """
            (() => {
              const HIDE = __HIDE__, MODAL = __MODAL__, KEY = 'passkeys-test-create-calls';
              let storage;
              try { storage = window.sessionStorage; } catch (e) { return; }
              if (!storage || !navigator.credentials || !window.PublicKeyCredential) return;
              const pkc = window.PublicKeyCredential;
              if (HIDE && pkc.getClientCapabilities) {
                const real = pkc.getClientCapabilities.bind(pkc);
                pkc.getClientCapabilities = () => real().then(c => Object.assign({}, c, { conditionalCreate: false }));
              }
              const realCreate = navigator.credentials.create.bind(navigator.credentials);
              navigator.credentials.create = function (options = {}) {
                const calls = JSON.parse(storage.getItem(KEY) || '[]');
                calls.push({ page: location.pathname, mediation: options.mediation || null,
                  userVerification: options.publicKey.authenticatorSelection.userVerification });
                storage.setItem(KEY, JSON.stringify(calls));
                if (MODAL && options.mediation === 'conditional') {
                  const modal = Object.assign({}, options);
                  delete modal.mediation;
                  return realCreate(modal);
                }
                return realCreate(options);
              };
            })();
            """;

    private final Browser browser;
    private String scriptId;

    UpgradeBrowser(Browser browser) {
        this.browser = browser;
    }

    /** From the next page load: hide conditional create or not, run a conditional create as a modal one or not. */
    void install(boolean hideConditionalCreate, boolean conditionalAsModal) {
        if (scriptId != null) {
            browser.driver()
                    .executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
        }
        Map<String, Object> added = browser.driver()
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of(
                                "source",
                                SCRIPT.replace("__HIDE__", Boolean.toString(hideConditionalCreate))
                                        .replace("__MODAL__", Boolean.toString(conditionalAsModal))));
        scriptId = (String) added.get("identifier");
    }

    /** Forgets the calls recorded in this tab (call it on a page of the app). */
    void forgetCreateCalls() {
        browser.run("sessionStorage.removeItem('passkeys-test-create-calls');");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> createCalls() {
        return (List<Map<String, Object>>)
                browser.run("return JSON.parse(sessionStorage.getItem('passkeys-test-create-calls') || '[]');");
    }

    /** Waits until the page's upgrade box has decided (its data-state is one of {@code states}) and returns it. */
    String waitForState(String... states) {
        return browser.waitUntil(
                "the upgrade box in state " + String.join("|", states) + "; creates " + createCalls(), driver -> {
                    String state = driver.findElement(BOX).getDomAttribute("data-state");
                    return state != null && List.of(states).contains(state) ? state : null;
                });
    }

    WebElement box() {
        return browser.driver().findElement(BOX);
    }

    void clickCreate() {
        box().findElement(By.cssSelector("[data-passkey-upgrade-create]")).click();
    }

    void clickDismiss() {
        box().findElement(By.cssSelector("[data-passkey-upgrade-dismiss]")).click();
    }

    /** A security key (or a phone over hybrid): Chromium reports its credentials as {@code cross-platform}. */
    static VirtualAuthenticatorOptions securityKey() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    static VirtualAuthenticatorOptions platform() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }
}
