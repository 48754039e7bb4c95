package dev.passkeys.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the JavaScript client, its style sheet and the passkeys page. They are plain resource files (no template
 * engine needed); the page gets the CSRF token and base path filled in.
 */
@Controller
@RequestMapping("${passkeys.base-path:/passkeys}")
public final class PasskeysPageController {

    private static final String RESOURCES = "dev/passkeys/spring/web/";

    private final String basePath;
    private final String managePage;

    public PasskeysPageController(String basePath) {
        this.basePath = basePath;
        this.managePage = read("manage.html");
    }

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    @GetMapping("/passkeys.js")
    public ResponseEntity<Resource> client() {
        return resource("passkeys.js", JAVASCRIPT);
    }

    @GetMapping("/passkeys-manage.js")
    public ResponseEntity<Resource> manageScript() {
        return resource("passkeys-manage.js", JAVASCRIPT);
    }

    @GetMapping("/passkeys.css")
    public ResponseEntity<Resource> styles() {
        return resource("passkeys.css", CSS);
    }

    /** Revalidated on each use (no-cache): a new library version's client reaches browsers at once. */
    private static ResponseEntity<Resource> resource(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(new ClassPathResource(RESOURCES + name));
    }

    @GetMapping("/manage")
    public ResponseEntity<String> manage(Authentication authentication, HttpServletRequest request) {
        try {
            PasskeysController.signedIn(authentication);
        } catch (RuntimeException signedOut) {
            // Spring Security's ExceptionTranslationFilter turns this into the app's own login redirect.
            throw new AuthenticationCredentialsNotFoundException("Sign in first.");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String page = managePage
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{csrfHeader}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{username}}", HtmlUtils.htmlEscape(authentication.getName()))
                .replace("{{basePath}}", HtmlUtils.htmlEscape(request.getContextPath() + basePath))
                .replace("{{contextPath}}", HtmlUtils.htmlEscape(request.getContextPath()));
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page);
    }

    private static String read(String name) {
        try {
            return StreamUtils.copyToString(new ClassPathResource(RESOURCES + name).getInputStream(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + RESOURCES + name, e);
        }
    }
}
