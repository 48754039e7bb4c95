package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input under the base path gets a problem body, never a 500 or an HTML page. Not covered, because Tomcat refuses
 * them before any filter runs, with its own HTML 400: a broken {@code %} escape, an encoded slash ({@code %2F}) or
 * NUL ({@code %00}).
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:malformed;DB_CLOSE_DELAY=-1")
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    @Test
    void malformedContentTypeOnSignInIs415() {
        HttpSession browser = new HttpSession(port);
        for (String type : new String[] {
            "application/json;;;=", "/", "application/json; charset=\"", "text/plain", "x", "application/"
        }) {
            JsonNode csrf = browser.csrf();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                            URI.create(browser.url("/passkeys/authentication")))
                    .header("Content-Type", type)
                    .header(csrf.path("header").asString(), csrf.path("token").asString())
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertProblem(response);
            assertThat(json(response).path("detail").asString()).contains("application/json");
        }
    }

    @Test
    void optionsBodiesMustBeJsonButAnEmptyBodyNeedsNoType() {
        HttpSession browser = new HttpSession(port);
        JsonNode csrf = browser.csrf();
        for (String path : new String[] {"/passkeys/authentication/options", "/passkeys/registration/options"}) {
            if (path.startsWith("/passkeys/registration")) {
                browser.signInWithPassword("alice", "alice-password");
                csrf = browser.csrf();
            }
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
                HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                        .header("Content-Type", type)
                        .header(
                                csrf.path("header").asString(),
                                csrf.path("token").asString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"alice\"}")));
                assertThat(response.statusCode()).as(path + " " + type).isEqualTo(415);
                assertProblem(response);
            }
            HttpResponse<String> bare = browser.send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                    .header(csrf.path("header").asString(), csrf.path("token").asString())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(bare.statusCode()).as(path + " without a body").isEqualTo(200);
        }
    }

    @Test
    void anUnknownKindOfAuthenticatorIsAMalformedRequest() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> response = alice.post("/passkeys/registration/options", "{\"kind\": \"foo\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("reason").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(json(response).path("detail").asString()).contains("\"kind\"");
    }

    /**
     * The endpoints answered by filters, not controllers (sign-in, step-up options, recovery; sign-up is off here): 405
     * for a signed-in user; for a visitor, the app's rules answer first (this app signs everything else in).
     */
    @Test
    void anotherMethodOnTheFilterEndpointsIs405OnceTheAppsRulesLetItThrough() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpSession visitor = new HttpSession(port);
        for (String path : new String[] {
            "/passkeys/authentication/options",
            "/passkeys/authentication",
            "/passkeys/step-up/options",
            "/passkeys/recovery"
        }) {
            HttpResponse<String> response = alice.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
            assertThat(json(response).path("reason").asString()).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(visitor.get(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aStaleCsrfTokenIsNamedAsAPossibleCause() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> response =
                alice.send(HttpRequest.newBuilder(URI.create(alice.url("/passkeys/registration/options")))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", "a-token-of-another-session")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asString()).contains("CSRF token sent is not this session's");
    }

    @Test
    void pathsTheFirewallRefusesGetProblems() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        for (String path : new String[] {
            "/passkeys/credentials/a;b",
            "/passkeys/credentials/a%3Bb",
            "/passkeys/credentials/%2e%2e/x",
            "/passkeys/credentials//x"
        }) {
            HttpResponse<String> response = alice.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertProblem(response);
            assertThat(json(response).path("detail").asString()).as(path).contains("firewall");
        }
    }

    @Test
    void pathsTomcatRefusesAre400WithTomcatsOwnPage() throws IOException {
        for (String path : new String[] {
            "/passkeys/credentials/%",
            "/passkeys/credentials/a%2Fb",
            "/passkeys/credentials/a%00b",
            "/passkeys/credentials/a%5Cb"
        }) {
            // Refused by Tomcat's connector before the servlet context: no filter or Spring code can answer these.
            assertThat(rawStatusLine(path)).as(path).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void unknownPathsAndMethodsGetProblems() {
        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        HttpResponse<String> missing = alice.get("/passkeys/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing);
        HttpResponse<String> method = alice.send(HttpRequest.newBuilder(URI.create(alice.url("/passkeys/credentials")))
                .method("PUT", HttpRequest.BodyPublishers.noBody()));
        assertThat(method.statusCode()).isIn(403, 405);
        assertProblem(method);
        HttpResponse<String> anonymous = new HttpSession(port).get("/passkeys/nothing-here");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous);
    }

    /** A GET sent as raw bytes: java.net.URI refuses to build some of these paths. */
    private String rawStatusLine(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.uri() + " " + response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(response.body()).doesNotContain("Exception", "at org.", "<html");
    }
}
