package io.github.passkeys4j.example.jdk;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The example over real HTTP with a software authenticator (real ES256 signatures): refusals and their problems. */
class ExampleHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static ExampleServer server;

    @BeforeAll
    static void start() throws IOException {
        server = ExampleServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aTamperedSignatureIsRefusedWith401AndTheAccountStaysSignedOut() throws Exception {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        Client carol = new Client();
        HttpResponse<String> created = carol.signUp("carol", authenticator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("username").asString()).isEqualTo("carol");
        assertThat(carol.page()).contains("Signed in as carol");

        Client attacker = new Client();
        HttpResponse<String> refused = attacker.signIn(authenticator, new Tamper().corruptSignature());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=utf-8");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("reason").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString())
                .isEqualTo("The signature does not verify with the stored public key.");
        assertThat(refused.body()).doesNotContain("Exception", "at dev.");
        assertThat(attacker.page()).doesNotContain("Signed in");

        HttpResponse<String> honest = new Client().signIn(authenticator, new Tamper());
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
    }

    @Test
    void aPostWithoutTheCsrfHeaderIsRefusedWith403() throws Exception {
        Client client = new Client();
        client.page();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(client.uri("/signup/options"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"mallory\"}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("reason").asString()).isEqualTo("CSRF_TOKEN_INVALID");

        HttpResponse<String> wrongToken = client.send(HttpRequest.newBuilder(client.uri("/signin/options"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", "guessed")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
    }

    @Test
    void badInputGetsClearProblems() throws Exception {
        Client client = new Client();
        assertProblem(client.post("/signup/options", "{\"username\": \"has space\"}"), 400, "INVALID_USERNAME");
        assertProblem(client.post("/signup/options", "{not json"), 400, "MALFORMED_REQUEST");
        assertProblem(client.post("/signin", "{\"type\": \"public-key\", \"id\": \"x\"}"), 400, "MALFORMED_RESPONSE");
        assertProblem(client.post("/signup", "{}"), 400, "CHALLENGE_UNKNOWN"); // no sign-up started
        assertThat(client.post("/signup/options", "{\"username\": \"erin\"}").statusCode())
                .isEqualTo(200);
        assertProblem(client.post("/signup", "{}"), 401, "WRONG_TYPE");
        assertProblem(client.post("/signin/options", "x".repeat(Http.MAX_BODY_BYTES + 1)), 413, "REQUEST_TOO_LARGE");
        byte[] tooLarge = "x".repeat(Http.MAX_BODY_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        assertProblem(
                client.send(HttpRequest.newBuilder(client.uri("/signin/options")) // chunked: no Content-Length
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", client.csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)))),
                413,
                "REQUEST_TOO_LARGE");
        assertProblem(
                client.send(HttpRequest.newBuilder(client.uri("/signin/options"))
                        .header("X-CSRF-Token", client.csrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(client.send(HttpRequest.newBuilder(client.uri("/signin")).GET()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(client.send(HttpRequest.newBuilder(client.uri("/admin")).GET()), 404, "NOT_FOUND");

        new Client().signUp("dave", new SoftwareAuthenticator());
        assertProblem(client.post("/signup/options", "{\"username\": \"dave\"}"), 409, "USERNAME_TAKEN");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    /** One browser-like client: its own cookies, the CSRF token read from the page's meta tag. */
    static final class Client {
        private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String origin = "http://localhost:" + server.port();
        String csrfToken;

        String page() throws Exception {
            String page = send(HttpRequest.newBuilder(uri("/")).GET()).body();
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).isTrue();
            csrfToken = csrf.group(1);
            return page;
        }

        HttpResponse<String> signUp(String username, SoftwareAuthenticator authenticator) throws Exception {
            HttpResponse<String> options = post("/signup/options", "{\"username\": \"" + username + "\"}");
            assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
            return post(
                    "/signup", authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), origin));
        }

        HttpResponse<String> signIn(SoftwareAuthenticator authenticator, Tamper tamper) throws Exception {
            HttpResponse<String> options = post("/signin/options", "{}");
            assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
            return post(
                    "/signin",
                    authenticator.authenticate(SoftwareAuthenticator.requestOptions(options.body()), origin, tamper));
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            if (csrfToken == null) {
                page();
            }
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        URI uri(String path) {
            return URI.create(origin + path);
        }
    }
}
