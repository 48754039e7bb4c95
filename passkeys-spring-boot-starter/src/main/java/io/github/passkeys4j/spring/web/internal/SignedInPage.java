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
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One of the starter's pages for a signed-in user (the passkeys page, the step-up page): its template with the
 * request's language, texts, CSRF token and paths filled in, served with our security headers and never cached.
 */
final class SignedInPage {

    private static final String USERNAME = "\u0000username\u0000";

    private SignedInPage() {}

    /**
     * @param placeholders the page's own {@code {{name}}} values, already HTML-escaped
     */
    static ResponseEntity<String> render(
            String template,
            Map<String, String> placeholders,
            String basePath,
            PasskeysMessages messages,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response) {
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
        String html = messages.html(template, locale)
                .replace("{{language}}", HtmlUtils.htmlEscape(messages.language(locale)))
                // JSON inside <script>: no "<" at all, so nothing in a text can close the element.
                .replace("{{clientTexts}}", messages.clientJson(locale).replace("<", "\\u003c"))
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{csrfParameter}}", csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{username}}", HtmlUtils.htmlEscape(authentication.getName()))
                .replace("{{basePath}}", HtmlUtils.htmlEscape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", HtmlUtils.htmlEscape(request.getContextPath()));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            html = html.replace("{{" + placeholder.getKey() + "}}", placeholder.getValue());
        }
        // Last: nothing in a username is read as a placeholder.
        html = html.replace("{{signedInAs}}", signedInAs);
        ClientFiles.securityHeaders(response);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html);
    }
}
