package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.internal.ClientFiles;
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

/**
 * Serves the passkeys page, and the client files when no security filter chain covers the base path (inside one,
 * the starter's filter answers them first, whatever the app's rules). The page is a plain resource file (no template
 * engine needed) with the CSRF token and the URLs, derived from the request's context path, filled in.
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeysPageController {

    private final String basePath;
    private final String managePage;

    public PasskeysPageController(String basePath) {
        this.basePath = basePath;
        this.managePage = ClientFiles.read("manage.html");
    }

    @GetMapping("/passkeys.js")
    public void client(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys.js", request, response);
    }

    @GetMapping("/passkeys-manage.js")
    public void manageScript(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFiles.serve("passkeys-manage.js", request, response);
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
        String page = managePage
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{username}}", HtmlUtils.htmlEscape(authentication.getName()))
                .replace("{{basePath}}", HtmlUtils.htmlEscape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", HtmlUtils.htmlEscape(request.getContextPath()));
        ClientFiles.securityHeaders(response);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page);
    }
}
