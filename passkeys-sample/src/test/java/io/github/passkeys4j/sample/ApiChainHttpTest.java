package io.github.passkeys4j.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (f) The app's other filter chains behave as they did before the starter: the API ({@code /api/**}, HTTP Basic,
 * stateless, its own rules, snake_case JSON) and the ping chain ({@code /api/ping}), which has no URL rules at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiChainHttpTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Test
    void notesApiAnswersBasicAuthWithTheAppsSnakeCaseJson() {
        String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        SampleHttp web = new SampleHttp(port);
        web.signUp(username, PASSWORD);
        web.signedIn(username, PASSWORD);
        assertThat(web.postForm("/", "/notes", Map.of("text", "Buy milk")).statusCode())
                .isEqualTo(302);

        HttpResponse<String> notes = new SampleHttp(port).getWithBasic("/api/notes", username, PASSWORD);
        assertThat(notes.statusCode()).as(notes.body()).isEqualTo(200);
        assertThat(notes.headers().firstValue("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();
        JsonNode body = SampleHttp.body(notes);
        assertThat(body.path("username").asString()).isEqualTo(username);
        assertThat(body.has("note_count")).as("snake_case: %s", notes.body()).isTrue();
        assertThat(body.has("noteCount")).isFalse();
        assertThat(body.path("notes").get(0).path("text").asString()).isEqualTo("Buy milk");
        assertThat(body.path("notes").get(0).has("created_at")).as(notes.body()).isTrue();
        assertThat(body.path("notes").get(0).has("createdAt")).isFalse();
    }

    @Test
    void notesApiWithoutOrWithWrongCredentialsIs401() {
        HttpResponse<String> anonymous = new SampleHttp(port).get("/api/notes");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(header -> assertThat(header).startsWith("Basic"));
        assertThat(new SampleHttp(port)
                        .getWithBasic("/api/notes", "guest", "wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(new SampleHttp(port)
                        .getWithBasic("/api/notes", "guest", "guest password")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void apiRulesAreTheApps() {
        assertThat(new SampleHttp(port)
                        .getWithBasic("/api/other", "guest", "guest password")
                        .statusCode())
                .as("anyRequest().denyAll() in the API chain")
                .isEqualTo(403);
        assertThat(new SampleHttp(port)
                        .get("/api/passkeys/authentication/options")
                        .statusCode())
                .as("no passkey endpoint in the API chain")
                .isEqualTo(401);
    }

    @Test
    void chainWithoutUrlRulesLetsEveryoneThrough() {
        HttpResponse<String> ping = new SampleHttp(port).get("/api/ping");
        assertThat(ping.statusCode())
                .as("GET /acme/api/ping, a chain with no authorizeHttpRequests: %s", ping.body())
                .isEqualTo(200);
        assertThat(SampleHttp.body(ping).path("status").asString()).isEqualTo("ok");
    }
}
