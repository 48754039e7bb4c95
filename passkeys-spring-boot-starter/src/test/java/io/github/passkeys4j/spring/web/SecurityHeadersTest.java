package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Our page and client files carry a strict CSP, Referrer-Policy and nosniff; the files revalidate by ETag. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:headers;DB_CLOSE_DELAY=-1")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void thePageHasAStrictPolicyAndNoInlineCode() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> page = alice.get("/passkeys/manage");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // Every script has a src, no style element or attribute: the policy needs no exceptions.
        assertThat(page.body())
                // (but the texts' JSON block: data, never run, so script-src does not apply to it)
                .doesNotContainPattern("<script(?![^>]*\\b(src=|type=\"application/json\" data-passkeys-texts>))")
                .doesNotContain("<style", "style=")
                // no event handler attribute (" on" alone now matches texts such as "This device only")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void clientFilesAreCachedWithAValidator() {
        HttpSession browser = new HttpSession(port);
        for (String file : new String[] {"passkeys.js", "passkeys-manage.js", "passkeys.css"}) {
            HttpResponse<String> first = browser.get("/passkeys/" + file);
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(first.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(first.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type ->
                            assertThat(type).startsWith(file.endsWith(".css") ? "text/css" : "text/javascript"));

            HttpResponse<String> again =
                    browser.send(HttpRequest.newBuilder(URI.create(browser.url("/passkeys/" + file)))
                            .header("If-None-Match", etag)
                            .GET());
            assertThat(again.statusCode()).as(file).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<String> stale =
                    browser.send(HttpRequest.newBuilder(URI.create(browser.url("/passkeys/" + file)))
                            .header("If-None-Match", "\"older\"")
                            .GET());
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(first.body());
        }
        assertThat(browser.get("/passkeys/passkeys.js").headers().firstValue("ETag"))
                .isNotEqualTo(browser.get("/passkeys/passkeys.css").headers().firstValue("ETag"));
    }
}
