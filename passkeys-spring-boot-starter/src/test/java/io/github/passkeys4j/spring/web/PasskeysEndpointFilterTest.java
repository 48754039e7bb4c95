package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Ceremony bodies above passkeys.max-request-size get 413, with or without a Content-Length. */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:sizes;DB_CLOSE_DELAY=-1", "passkeys.max-request-size=4KB"})
class PasskeysEndpointFilterTest {

    @LocalServerPort
    int port;

    @Test
    void declaredLengthAboveLimitIsRefused() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> response = browser.post("/passkeys/authentication", big(5000));
        assertThat(response.statusCode())
                .as(response.headers() + response.body())
                .isEqualTo(413);
        assertThat(json(response).path("detail").asString()).contains("too large", "4096 bytes");
    }

    @Test
    void chunkedBodyAboveLimitIsRefused() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        for (String path : new String[] {"/passkeys/authentication", "/passkeys/registration"}) {
            JsonNode csrf = alice.csrf();
            Flow.Publisher<java.nio.ByteBuffer> unsized = HttpRequest.BodyPublishers.ofString(big(20000));
            HttpResponse<String> response = alice.send(HttpRequest.newBuilder(URI.create(alice.url(path)))
                    .header("Content-Type", "application/json")
                    .header(csrf.path("header").asString(), csrf.path("token").asString())
                    .POST(HttpRequest.BodyPublishers.fromPublisher(unsized)));
            assertThat(response.statusCode()).as(path + response.body()).isEqualTo(413);
            assertThat(response.body()).as(path).contains("too large", "4096 bytes");
        }
    }

    @Test
    void bodyBelowLimitIsRead() {
        HttpSession browser = new HttpSession(port);
        HttpResponse<String> response = browser.post("/passkeys/authentication", big(1000));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("reason").asString()).isEqualTo("WRONG_TYPE");
    }

    @Test
    void errorsBelowTheBasePathAreProblemsNotPagesOrRedirects() {
        HttpSession browser = new HttpSession(port);
        browser.csrf();
        HttpResponse<String> noCsrf = browser.postWithoutCsrf("/passkeys/authentication/options", "{}");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(json(noCsrf).path("detail").asString())
                .contains("no CSRF token", "meta tags named _csrf and _csrf_header");
        assertThat(json(noCsrf).path("reason").asString()).isEqualTo("CSRF_TOKEN_INVALID");
        // Signed in: the app's rules (anyRequest().authenticated()) let it reach Spring MVC.
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> wrongMethod = alice.get("/passkeys/registration/options");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(wrongMethod).path("reason").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        HttpResponse<String> signedOut = browser.get("/passkeys/credentials");
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(json(signedOut).path("reason").asString()).isEqualTo("SIGN_IN_REQUIRED");
    }

    private static String big(int size) {
        return "{\"id\": \"" + "A".repeat(size) + "\"}";
    }
}
