package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey the user did not name, whose provider is not in the AAGUID list, is named after the browser and system
 * of the registration request's User-Agent (issue 9); the user's name and a known provider's name come first.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:names;DB_CLOSE_DELAY=-1", "passkeys.max-passkeys-per-user=50"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyNamesHttpTest {

    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    static final String FIREFOX_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

    @LocalServerPort
    int port;

    HttpSession alice;

    @BeforeAll
    void signIn() {
        alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                SAFARI_IPHONE + "|Safari on iPhone",
                FIREFOX_WINDOWS + "|Firefox on Windows",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 "
                        + "Safari/537.36 Edg/140.0.0.0|Edge on Windows",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 "
                        + "Safari/537.36|Chrome on Linux",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Version/18.5 Safari/605.1.15|Safari on Mac",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile "
                        + "Safari/537.36|Chrome on Android",
                "Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "CriOS/140.0.7339.101 Mobile/15E148 Safari/604.1|Chrome on iPad",
                "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0|Firefox on Linux"
            })
    void anUnknownProviderIsNamedAfterTheBrowserAndSystem(String userAgent, String expected) {
        assertThat(register(unknownProvider(), userAgent, null).path("name").asString())
                .isEqualTo(expected);
    }

    @Test
    void theUsersNameAndAKnownProviderComeFirst() {
        assertThat(register(unknownProvider(), SAFARI_IPHONE, "My phone")
                        .path("name")
                        .asString())
                .isEqualTo("My phone");
        assertThat(register(new SoftwareAuthenticator(), SAFARI_IPHONE, null)
                        .path("name")
                        .asString())
                .isEqualTo("Google Password Manager");
    }

    @Test
    void noOrAnUnknownUserAgentGivesTheGenericName() {
        assertThat(register(unknownProvider(), "", null).path("name").asString())
                .isEqualTo("Passkey");
        assertThat(register(unknownProvider(), "curl/8.5.0", null).path("name").asString())
                .as("a browser family without a system is still a hint")
                .isEqualTo("curl");
        assertThat(register(unknownProvider(), "x".repeat(4000), null)
                        .path("name")
                        .asString())
                .isEqualTo("Passkey");
    }

    private static SoftwareAuthenticator unknownProvider() {
        return new SoftwareAuthenticator(UUID.randomUUID(), 0, 1);
    }

    private JsonNode register(SoftwareAuthenticator authenticator, String userAgent, String name) {
        HttpResponse<String> options = alice.post("/passkeys/registration/options", "{}");
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), alice.origin());
        JsonNode csrf = alice.csrf();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(alice.url("/passkeys/registration")))
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"credential\": " + credential + (name == null ? "" : ", \"name\": \"" + name + "\"") + "}"));
        request.header("User-Agent", userAgent); // "" sends none: no Java-http-client default
        HttpResponse<String> created = alice.send(request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }
}
