package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.spring.internal.PasskeysMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a recovery session may load besides the passkeys page: the style sheets, scripts, images and fonts the page
 * loads, not an app route whose path only ends like a file (a review's finding: {@code /files/payroll.png}).
 */
class RecoverySessionFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePagesStyleSheetsScriptsImagesAndFontsLoad() throws Exception {
        for (Map.Entry<String, String> asset : Map.of(
                        "/css/app.css", "style",
                        "/js/app.js", "script",
                        "/img/logo.svg", "image",
                        "/fonts/inter.woff2", "font")
                .entrySet()) {
            assertThat(passedOn(asset.getKey(), Map.of("Sec-Fetch-Dest", asset.getValue(), "Accept", "*/*")))
                    .as(asset.getKey())
                    .isTrue();
        }
        assertThat(passedOn("/css/app.css", Map.of("Accept", "text/css,*/*;q=0.1")))
                .as("a browser that sends no Sec-Fetch-Dest")
                .isTrue();
    }

    @Test
    void anAppRouteThatOnlyEndsLikeAFileStaysClosed() throws Exception {
        assertThat(passedOn("/files/payroll.png", Map.of("Sec-Fetch-Dest", "document", "Accept", "text/html")))
                .as("opened as a page")
                .isFalse();
        assertThat(passedOn("/files/payroll.png", Map.of("Sec-Fetch-Dest", "empty", "Accept", "*/*")))
                .as("fetched by a script")
                .isFalse();
        assertThat(passedOn("/files/payroll.png", Map.of("Accept", "application/json")))
                .as("asked for as JSON, no Sec-Fetch-Dest")
                .isFalse();
        assertThat(passedOn("/files/report", Map.of("Accept", "*/*"))).isFalse();
    }

    private static boolean passedOn(String uri, Map<String, String> headers) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        User.withUsername("alice").password("").build(),
                        null,
                        List.of(FactorGrantedAuthority.withAuthority(PasskeyRecovery.AUTHORITY)
                                .issuedAt(Instant.now())
                                .build())));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        headers.forEach(request::addHeader);
        MockFilterChain chain = new MockFilterChain();
        new RecoverySessionFilter("/passkeys", PasskeysMessages.ours())
                .doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }
}
