package io.github.passkeys4j.demo;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

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
    private static final String PASSWORD = "correct horse battery";
    private static final String REGISTRATIONS =
            "/actuator/metrics/passkeys.ceremony?tag=ceremony:registration&tag=outcome:success";

    @LocalServerPort
    int port;

    DemoHttp http;

    @BeforeEach
    void newClient() {
        http = new DemoHttp(port);
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
        assertThat(metrics.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(metrics.body()).doesNotContain("passkeys.ceremony");
    }

    @Test
    void aPasskeyRegistrationIsCountedInThePasskeysCeremonyTimer() {
        signUpAndSignIn("metrics-" + UUID.randomUUID().toString().substring(0, 8));
        double before = registrationCount();

        DemoHttp.Csrf csrf = http.csrfOf("/passkeys/manage");
        HttpResponse<String> options = http.postJson("/passkeys/registration/options", "{}", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String credential = new SoftwareAuthenticator()
                .register(SoftwareAuthenticator.creationOptions(options.body()), http.origin());
        HttpResponse<String> created = http.postJson(
                "/passkeys/registration", "{\"credential\": " + credential + ", \"name\": \"Metrics phone\"}", csrf);
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
        Map<String, String> form = Map.of("username", username, "password", PASSWORD);
        assertThat(http.postForm("/signup", form).statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = http.postForm("/login", form);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path) {
        return http.get(path);
    }
}
