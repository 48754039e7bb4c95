package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site served at another address than its settings say (say, a proxy's public name with the default rp-id
 * {@code localhost}) fails in the browser, before anything reaches the server but the options request: that request's
 * {@code Origin} gets a WARN naming it and the settings to change, once per origin.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:origin-warnings;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class OriginWarningsHttpTest {

    private static final String WARNING = "asked for passkey options, but that origin is not allowed";

    @LocalServerPort
    int port;

    @Test
    void signInOptionsFromAnOriginNotAllowedAreReportedOnce(CapturedOutput output) {
        HttpSession browser = new HttpSession(port);
        assertThat(options(browser, "/passkeys/authentication/options", "http://shop.localhost:8099")
                        .statusCode())
                .isEqualTo(200);
        options(browser, "/passkeys/authentication/options", "http://shop.localhost:8099");

        String line = "A page at http://shop.localhost:8099 " + WARNING;
        assertThat(output.getOut()).contains(line, "rp-id localhost", "passkeys.rp-id and passkeys.origins");
        assertThat(output.getOut().split(java.util.regex.Pattern.quote(line), -1))
                .as("once per origin")
                .hasSize(2);
    }

    @Test
    void registrationOptionsAreCheckedToo(CapturedOutput output) {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        assertThat(options(alice, "/passkeys/registration/options", "https://www.example.net")
                        .statusCode())
                .isEqualTo(200);

        assertThat(output.getOut()).contains("A page at https://www.example.net " + WARNING);
    }

    @Test
    void allowedOriginsAndRequestsWithoutOneAreNotReported(CapturedOutput output) {
        HttpSession browser = new HttpSession(port);
        options(browser, "/passkeys/authentication/options", "http://localhost:8099");
        browser.post("/passkeys/authentication/options", "{}");

        assertThat(output.getOut()).doesNotContain(WARNING);
    }

    private static HttpResponse<String> options(HttpSession session, String path, String origin) {
        JsonNode csrf = session.csrf();
        return session.send(HttpRequest.newBuilder(URI.create(session.url(path)))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }
}
