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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET <base>/step-up}: "Confirm it's you", where a signed-in user is sent when an action needs a recent passkey
 * confirmation. Its button runs the step-up (passkeys.js) and goes back to the request that asked for it, or to the
 * same-site path in {@code ?returnTo=} (checked by the server, never another site).
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeyStepUpPageController {

    private static final String USERNAME = "\u0000username\u0000";

    private final String basePath;
    private final PasskeysMessages messages;
    private final String page;

    public PasskeyStepUpPageController(String basePath, PasskeysMessages messages) {
        this.basePath = basePath;
        this.messages = messages;
        this.page = ClientFiles.read("step-up.html");
    }

    @GetMapping("/step-up")
    public ResponseEntity<String> stepUp(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        try {
            PasskeysController.signedIn(authentication);
        } catch (RuntimeException signedOut) {
            throw new AuthenticationCredentialsNotFoundException("Sign in first.");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Locale locale = messages.locale(request);
        String signedInAs = HtmlUtils.htmlEscape(messages.get("passkeys.page.signed-in-as", locale, USERNAME), "UTF-8")
                .replace(USERNAME, "<strong>" + HtmlUtils.htmlEscape(authentication.getName()) + "</strong>");
        String html = messages.html(page, locale)
                .replace("{{language}}", HtmlUtils.htmlEscape(messages.language(locale)))
                .replace("{{clientTexts}}", messages.clientJson(locale).replace("<", "\\u003c"))
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{basePath}}", HtmlUtils.htmlEscape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", HtmlUtils.htmlEscape(request.getContextPath()))
                // Last: nothing in a username is read as a placeholder.
                .replace("{{signedInAs}}", signedInAs);
        ClientFiles.securityHeaders(response);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html);
    }
}
