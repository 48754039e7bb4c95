package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.account.PasskeyAccounts;
import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.security.PasskeyRecovery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.Map;

/**
 * Serves the passkeys page, and the client files when no security filter chain covers the base path (inside one,
 * the starter's filter answers them first, whatever the app's rules). The page is a plain resource file (no template
 * engine needed) with the CSRF token, the URLs (derived from the request's context path) and the texts in the user's
 * language filled in; the browser client's texts come with it as a JSON block, so the page needs no second request.
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeysPageController {

    /** Stands for the username in the "signed in as" text until that text is escaped. */
    private final String basePath;

    private final PasskeysMessages messages;
    private final String managePage;
    private final boolean securityKeys;

    public PasskeysPageController(String basePath, PasskeysMessages messages) {
        this(basePath, messages, true);
    }

    /** @param securityKeys whether the page offers "Add a security key" ({@code passkeys.registration.security-keys}) */
    public PasskeysPageController(String basePath, PasskeysMessages messages, boolean securityKeys) {
        this.basePath = basePath;
        this.messages = messages;
        this.managePage = ClientFiles.readPage("manage.html");
        this.securityKeys = securityKeys;
    }

    @GetMapping("/" + ClientFiles.MESSAGES)
    public void texts(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serveMessages(messages, request, response);
    }

    @GetMapping("/passkeys.js")
    public void client(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys.js", request, response);
    }

    /** The parts passkeys.js loads where a page needs them (sign-up, step-up, the upgrade offer). */
    @GetMapping({"/passkeys-signup.js", "/passkeys-stepup.js", "/passkeys-upgrade.js"})
    public void clientPart(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        ClientFiles.serve(uri.substring(uri.lastIndexOf('/') + 1), request, response);
    }

    @GetMapping("/passkeys-manage.js")
    public void manageScript(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys-manage.js", request, response);
    }

    @GetMapping("/passkeys-recovery-codes.js")
    public void recoveryCodesScript(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys-recovery-codes.js", request, response);
    }

    @GetMapping("/passkeys.css")
    public void styles(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys.css", request, response);
    }

    @GetMapping("/manage")
    public ResponseEntity<String> manage(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (PasskeyAccounts.isRememberedOnly(authentication)) {
            // Its API would answer SIGN_IN_AGAIN: Spring Security's exception handling sends the browser to the app's
            // sign-in and back here afterwards, as for a page needing fullyAuthenticated().
            throw new InsufficientAuthenticationException("Passkeys need a sign-in, not remember-me alone");
        }
        // A recovery session has no way back into the app until it signs in with its new passkey: it may sign out.
        boolean recovery = PasskeyRecovery.isRecoverySession(authentication);
        return SignedInPage.render(
                managePage,
                Map.of(
                        "securityKeys",
                        securityKeys ? "on" : "off",
                        "hiddenInRecovery",
                        recovery ? "hidden" : "",
                        "hiddenOutsideRecovery",
                        recovery ? "" : "hidden"),
                basePath,
                messages,
                authentication,
                request,
                response);
    }
}
