package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.ui.DefaultLogoutPageGeneratingFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The "sign out?" page Spring Security generates for {@code GET /logout} next to its generated login page, in the
 * user's language as that login page is, with the landmarks screen readers need. Spring's filter is not handed to
 * configurers, so this one renders with a generator of its own, set up as Spring sets up its own (the CSRF token as a
 * hidden input), and sits just before Spring's, which then never sees the request.
 */
final class PasskeyLogoutPageFilter extends RequestFilter {

    private final DefaultLogoutPageGeneratingFilter generator = new DefaultLogoutPageGeneratingFilter();
    private final PasskeysMessages messages;

    PasskeyLogoutPageFilter(PasskeysMessages messages) {
        this.messages = messages;
        generator.setResolveHiddenInputs(PasskeyLogoutPageFilter::csrfInput);
    }

    /**
     * Only {@code GET …/logout} goes to the generator, which matches it exactly: the app's other requests skip its
     * path match and the request attribute it sets and removes as a {@code OncePerRequestFilter}.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String uri = request.getRequestURI();
        int parameters = uri.indexOf(';');
        return !(parameters < 0 ? uri : uri.substring(0, parameters)).endsWith("/logout");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The generator writes the page only for GET /logout; for any other request it calls the chain given.
        GeneratedPages.render(generator, request, response, chain, html -> decorate(html, messages.locale(request)));
    }

    /**
     * Spring's texts replaced only where they are its exact English ones, so a later Spring Security whose page reads
     * differently keeps its own words; {@code lang} follows when the title was found.
     */
    String decorate(String html, Locale locale) {
        if (!html.contains("<title>Confirm Log Out?</title>")) {
            return GeneratedPages.landmarks(html);
        }
        return GeneratedPages.landmarks(html.replace(
                        "<title>Confirm Log Out?</title>",
                        "<title>" + text("passkeys.logout.spring.title", locale) + "</title>")
                .replace("<html lang=\"en\">", "<html lang=\"" + text("passkeys.language", locale) + "\">")
                .replace(
                        "<h2>Are you sure you want to log out?</h2>",
                        "<h2>" + text("passkeys.logout.spring.question", locale) + "</h2>")
                .replace(
                        "<button class=\"primary\" type=\"submit\">Log Out</button>",
                        "<button class=\"primary\" type=\"submit\">" + text("passkeys.logout.spring.submit", locale)
                                + "</button>"));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.get(key, locale), "UTF-8");
    }

    /** As Spring's {@code DefaultLoginPageConfigurer} fills the hidden inputs of its generated pages. */
    private static Map<String, String> csrfInput(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? Map.of() : Map.of(token.getParameterName(), token.getToken());
    }
}
