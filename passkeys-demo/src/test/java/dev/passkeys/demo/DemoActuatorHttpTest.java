package dev.passkeys.demo;

import dev.passkeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's Actuator over real HTTP: health is public, metrics need a signed-in user, and a passkey registration
 * (made by the core's software authenticator through the starter's endpoints) shows in the {@code passkeys.ceremony}
 * timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoActuatorHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery";
    private static final String REGISTRATIONS =
            "/actuator/metrics/passkeys.ceremony?tag=ceremony:registration&tag=outcome:success";

    @LocalServerPort
    int port;

    HttpClient http;

    @BeforeEach
    void newClient() {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void healthIsPublic() {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsNeedASignedInUser() {
        HttpResponse<String> metrics = get("/actuator/metrics");
        assertThat(metrics.statusCode()).isEqualTo(302);
        assertThat(metrics.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(metrics.body()).doesNotContain("passkeys.ceremony");
    }

    @Test
    void aPasskeyRegistrationIsCountedInThePasskeysCeremonyTimer() {
        signUpAndSignIn("metrics-" + UUID.randomUUID().toString().substring(0, 8));
        double before = registrationCount();

        String[] csrf = csrfFrom(get("/passkeys/manage").body());
        HttpResponse<String> options = postJson("/passkeys/registration/options", "{}", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String credential = new SoftwareAuthenticator().register(
                SoftwareAuthenticator.creationOptions(options.body()), "http://localhost:" + port);
        HttpResponse<String> created = postJson("/passkeys/registration",
                "{\"credential\": " + credential + ", \"name\": \"Metrics phone\"}", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("provider").path("name").asString())
                .isEqualTo("Google Password Manager");

        assertThat(registrationCount()).isGreaterThanOrEqualTo(1).isGreaterThanOrEqualTo(before + 1);
    }

    /** COUNT of {@code passkeys.ceremony} with ceremony=registration, outcome=success; 0 before the first one. */
    private double registrationCount() {
        HttpResponse<String> metric = get(REGISTRATIONS);
        if (metric.statusCode() == 404) {
            return 0;
        }
        assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(metric.body());
        assertThat(body.path("name").asString()).isEqualTo("passkeys.ceremony");
        for (JsonNode measurement : body.path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric.body());
    }

    private void signUpAndSignIn(String username) {
        String form = "username=" + enc(username) + "&password=" + enc(PASSWORD);
        assertThat(postForm("/signup", form, csrfFrom(get("/signup").body())).statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = postForm("/login", form, csrfFrom(get("/login").body()));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }

    /** The CSRF token and header name from a page's meta tags, as the JS client reads them. */
    private static String[] csrfFrom(String page) {
        Matcher token = CSRF.matcher(page);
        Matcher header = CSRF_HEADER.matcher(page);
        assertThat(token.find() && header.find()).as("the page carries the CSRF meta tags").isTrue();
        return new String[] {header.group(1), token.group(1)};
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html"));
    }

    private HttpResponse<String> postForm(String path, String form, String[] csrf) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf[1]))));
    }

    private HttpResponse<String> postJson(String path, String json, String[] csrf) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(csrf[0], csrf[1])
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
