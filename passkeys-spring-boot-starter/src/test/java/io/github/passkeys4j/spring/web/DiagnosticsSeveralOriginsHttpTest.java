package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics page lists every allowed origin as configured: subdomain wildcards and Android apps included. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:diagnostics-origins;DB_CLOSE_DELAY=-1",
            "passkeys.diagnostics.enabled=true",
            "passkeys.origins=http://localhost:*,https://*.localhost," + DiagnosticsSeveralOriginsHttpTest.ANDROID
        })
class DiagnosticsSeveralOriginsHttpTest {

    static final String ANDROID = "android:apk-key-hash:xXyYzZ0123456789-_abcdefghijklmnopqrstuvwxy";

    @LocalServerPort
    int port;

    @Test
    void thePageListsWildcardsAndAndroidApps() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");

        HttpResponse<String> page = alice.get("/passkeys/diagnostics");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<dt>Allowed origins</dt><dd>" + ANDROID + ", http://localhost:*, https://*.localhost")
                .contains("&quot;https://*.localhost&quot;");
    }
}
