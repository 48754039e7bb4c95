package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.internal.ClientFiles;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
    private static final String USERNAME = "\u0000username\u0000";

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
        this.managePage = ClientFiles.read("manage.html");
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
        try {
            PasskeysController.signedIn(authentication);
        } catch (RuntimeException signedOut) {
            // Reached only when the app's rules let anonymous users through: ExceptionTranslationFilter turns this
            // into the app's own login (entry point), as for any page that needs a user.
            throw new AuthenticationCredentialsNotFoundException("Sign in first.");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Locale locale = messages.locale(request);
        String signedInAs = HtmlUtils.htmlEscape(messages.get("passkeys.page.signed-in-as", locale, USERNAME), "UTF-8")
                .replace(USERNAME, "<strong>" + HtmlUtils.htmlEscape(authentication.getName()) + "</strong>");
        String page = messages.html(managePage, locale)
                .replace("{{language}}", HtmlUtils.htmlEscape(messages.language(locale)))
                // JSON inside <script>: no "<" at all, so nothing in a text can close the element.
                .replace("{{clientTexts}}", messages.clientJson(locale).replace("<", "\\u003c"))
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{username}}", HtmlUtils.htmlEscape(authentication.getName()))
                .replace("{{basePath}}", HtmlUtils.htmlEscape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", HtmlUtils.htmlEscape(request.getContextPath()))
                .replace("{{securityKeys}}", securityKeys ? "on" : "off")
                // Last: nothing in a username is read as a placeholder.
                .replace("{{signedInAs}}", signedInAs);
        ClientFiles.securityHeaders(response);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page);
    }
}
