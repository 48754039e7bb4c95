package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds passkey sign-in to the login page Spring Security generates ({@code formLogin(withDefaults())}): our script,
 * the CSRF meta tags it reads, {@code autocomplete="username webauthn"} on the username field (autofill) and a
 * "Sign in with a passkey" button, in the user's language (the client's texts as a JSON block), and Spring's own
 * texts in that language too. Spring's own passkey option ({@code setPasskeysEnabled}) loads Spring's
 * {@code webauthn.js} for Spring's endpoints with an inline script, so instead this filter sits just before the
 * generating filter, lets it render into a buffer, and edits the HTML. Other requests pass untouched.
 */
final class PasskeyLoginPageFilter extends RequestFilter {

    /** Spring's "remember me" checkbox ({@code http.rememberMe()}), its text after it, outside any label. */
    private static final Pattern REMEMBER_ME =
            Pattern.compile("<p><input type='checkbox' name='([^'<>]*)'/> ([^<]*)</p>");

    private final DefaultLoginPageGeneratingFilter generator;
    private final String basePath;
    private final PasskeysMessages messages;

    public PasskeyLoginPageFilter(
            DefaultLoginPageGeneratingFilter generator, String basePath, PasskeysMessages messages) {
        this.generator = generator;
        this.basePath = basePath;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The generator writes the page only for its own URLs; for any other it calls the chain given, untouched.
        GeneratedPages.render(generator, request, response, chain, html -> decorate(html, request));
    }

    String decorate(String html, HttpServletRequest request) {
        if (html.contains("passkey-signin") || html.contains("data-passkey-signin")) {
            return html; // Spring's own http.webAuthn() page already offers passkeys
        }
        String base = HtmlUtils.htmlEscape(request.getContextPath() + basePath);
        Locale locale = messages.locale(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String head = (csrf == null
                        ? ""
                        : "<meta name=\"_csrf\" content=\"" + HtmlUtils.htmlEscape(csrf.getToken())
                                + "\">\n    <meta name=\"_csrf_header\" content=\""
                                + HtmlUtils.htmlEscape(csrf.getHeaderName()) + "\">\n    ")
                + "<script type=\"application/json\" data-passkeys-texts>"
                // JSON inside <script>: no "<" at all, so nothing in a text can close the element.
                + messages.clientJson(locale).replace("<", "\\u003c") + "</script>\n    "
                + "<script src=\"" + base + "/passkeys.js\" defer></script>\n  </head>";
        String button = """

                      <div class="login-form" lang="%s">
                        <h2>%s</h2>
                        <p data-passkey-error role="alert"></p>
                        <button type="button" class="primary" data-passkey-signin>%s</button>
                      </div>"""
                // lang on our part too: Spring's own texts are in the user's language only where its page is as
                // expected.
                .formatted(
                        text("passkeys.language", locale),
                        text("passkeys.login.heading", locale),
                        text("passkeys.login.button", locale));
        String result = inUsersLanguage(html, locale)
                .replaceFirst("\\s*</head>", "\n    " + Matcher.quoteReplacement(head))
                .replaceFirst(
                        "<input type=\"text\" id=\"username\"",
                        "<input type=\"text\" id=\"username\" autocomplete=\"username webauthn\"");
        // The checkbox labelled by its text (a click on the text ticks it; a screen reader names it), and marked so
        // that passkeys.js sends it with a passkey sign-in too.
        result = REMEMBER_ME
                .matcher(result)
                .replaceFirst(box -> Matcher.quoteReplacement("<p><label><input type=\"checkbox\" name=\""
                        + box.group(1) + "\" data-passkey-remember-me> " + box.group(2) + "</label></p>"));
        int form = result.indexOf("</form>");
        int at = form >= 0 ? form + "</form>".length() : result.lastIndexOf("</body>");
        return GeneratedPages.landmarks(at < 0 ? result : result.substring(0, at) + button + result.substring(at));
    }

    /**
     * Spring Security's own texts on its page (written in English in its template) in the user's language, from our
     * bundle (the app's messages can change them). Only its exact fragments are replaced, so a later Spring Security
     * whose page reads differently keeps its English; the page's {@code lang} follows when its title was found.
     * Spring's error alert is replaced only where it is its English default, "Invalid credentials" or "Bad
     * credentials"; a message Spring Security already put in the user's language stays.
     */
    private String inUsersLanguage(String html, Locale locale) {
        if (!html.contains("<title>Please sign in</title>")) {
            return html;
        }
        String title = text("passkeys.login.spring.title", locale);
        String username = text("passkeys.login.spring.username", locale);
        String password = text("passkeys.login.spring.password", locale);
        String error = "role=\"alert\">" + text("passkeys.login.spring.error", locale) + "</div>";
        return html.replace("<title>Please sign in</title>", "<title>" + title + "</title>")
                .replace("<html lang=\"en\">", "<html lang=\"" + text("passkeys.language", locale) + "\">")
                .replace("<h2>Please sign in</h2>", "<h2>" + title + "</h2>")
                .replace("class=\"screenreader\">Username</label>", "class=\"screenreader\">" + username + "</label>")
                .replace("placeholder=\"Username\"", "placeholder=\"" + username + "\"")
                .replace("class=\"screenreader\">Password</label>", "class=\"screenreader\">" + password + "</label>")
                .replace("placeholder=\"Password\"", "placeholder=\"" + password + "\"")
                .replace(
                        "<button type=\"submit\" class=\"primary\">Sign in</button>",
                        "<button type=\"submit\" class=\"primary\">" + text("passkeys.login.spring.submit", locale)
                                + "</button>")
                .replace("role=\"alert\">Invalid credentials</div>", error)
                .replace("role=\"alert\">Bad credentials</div>", error)
                .replace(
                        "role=\"alert\">You have been signed out</div>",
                        "role=\"alert\">" + text("passkeys.login.spring.signed-out", locale) + "</div>")
                .replace("Remember me on this computer.", text("passkeys.login.spring.remember-me", locale));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.get(key, locale), "UTF-8");
    }
}
