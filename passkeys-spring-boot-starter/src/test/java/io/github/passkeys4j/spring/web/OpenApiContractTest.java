package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.spring.testapp.TestApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description (META-INF/passkeys/openapi.yaml) against the real endpoints over HTTP: it documents exactly
 * the starter's endpoints (Spring MVC's mappings under the base path plus the two served by security filters), and
 * every answer the flows below get — successes and refusals — has a documented status, media type and body shape.
 */
@SpringBootTest(
        classes = TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:openapi;DB_CLOSE_DELAY=-1",
            "passkeys.related-origins=https://example.co.uk",
            "passkeys.sign-up.enabled=true"
        })
class OpenApiContractTest {

    /** Served by security filters, not MVC: PasskeySignInOptionsFilter, PasskeyAuthenticationFilter,
     * PasskeyStepUpFilter, well-known. */
    static final Set<String> FILTER_SERVED = Set.of(
            "POST /passkeys/authentication/options",
            "POST /passkeys/authentication",
            "POST /passkeys/recovery",
            "POST /passkeys/sign-up/options",
            "POST /passkeys/sign-up",
            "POST /passkeys/step-up/options",
            "POST /passkeys/step-up",
            "GET /.well-known/passkey-endpoints",
            "GET /.well-known/webauthn");

    static final OpenApiDocument API = OpenApiDocument.load();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final List<String> answered = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @Test
    void documentsEveryStarterEndpointAndNoOther() {
        Set<String> served = new TreeSet<>(FILTER_SERVED);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/passkeys/")) {
                    assertThat(info.getMethodsCondition().getMethods())
                            .as(pattern)
                            .isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(API.operations()).isEqualTo(served);
        assertThat(API.root().path("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void theRealEndpointsAnswerAsDocumented() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession anonymous = new HttpSession(port);
        call(
                anonymous,
                "POST",
                "/passkeys/authentication/options",
                anonymous.post("/passkeys/authentication/options", "{}"),
                200);
        call(
                anonymous,
                "POST",
                "/passkeys/authentication/options",
                anonymous.postWithoutCsrf("/passkeys/authentication/options", "{}"),
                403);
        call(
                anonymous,
                "POST",
                "/passkeys/registration/options",
                anonymous.post("/passkeys/registration/options", "{}"),
                401);
        call(anonymous, "GET", "/passkeys/credentials", anonymous.get("/passkeys/credentials"), 401);
        call(anonymous, "GET", "/passkeys/signals", anonymous.get("/passkeys/signals"), 401);
        call(anonymous, "GET", "/passkeys/upgrade", anonymous.get("/passkeys/upgrade"), 401);
        call(anonymous, "POST", "/passkeys/upgrade/options", anonymous.post("/passkeys/upgrade/options", "{}"), 401);
        for (String wellKnown : List.of("/.well-known/passkey-endpoints", "/.well-known/webauthn")) {
            call(anonymous, "GET", wellKnown, anonymous.get(wellKnown), 200);
        }
        for (String file : List.of(
                "/passkeys/passkeys.js",
                "/passkeys/passkeys-manage.js",
                "/passkeys/passkeys-recovery-codes.js",
                "/passkeys/passkeys.css")) {
            HttpResponse<String> first = call(anonymous, "GET", file, anonymous.get(file), 200);
            call(
                    anonymous,
                    "GET",
                    file,
                    anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.url(file)))
                            .header(
                                    "If-None-Match",
                                    first.headers().firstValue("ETag").orElseThrow())
                            .GET()),
                    304);
        }

        HttpResponse<String> texts =
                call(anonymous, "GET", "/passkeys/messages", anonymous.get("/passkeys/messages"), 200);
        call(
                anonymous,
                "GET",
                "/passkeys/messages",
                anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.url("/passkeys/messages")))
                        .header(
                                "If-None-Match",
                                texts.headers().firstValue("ETag").orElseThrow())
                        .GET()),
                304);

        HttpSession alice = new HttpSession(port);
        alice.signInWithPassword("alice", "alice-password");
        call(alice, "GET", "/passkeys/upgrade", alice.get("/passkeys/upgrade"), 200);
        call(alice, "POST", "/passkeys/upgrade/options", alice.post("/passkeys/upgrade/options", "{}"), 200);
        String id = json(register(alice, phone, new Tamper(), 201)).path("id").asString();
        register(alice, new SoftwareAuthenticator(), new Tamper().credentialId(id), 409);
        call(alice, "POST", "/passkeys/registration", alice.post("/passkeys/registration", "{}"), 400);
        call(alice, "POST", "/passkeys/registration", alice.postWithoutCsrf("/passkeys/registration", "{}"), 403);
        call(alice, "POST", "/passkeys/registration", alice.post("/passkeys/registration", big()), 413);
        call(
                alice,
                "POST",
                "/passkeys/registration",
                withCsrf(alice, "/passkeys/registration", "POST", "text/plain"),
                415);
        call(alice, "GET", "/passkeys/credentials", alice.get("/passkeys/credentials"), 200);
        call(alice, "GET", "/passkeys/credentials/{id}", alice.get("/passkeys/credentials/" + id), 200);
        call(alice, "GET", "/passkeys/credentials/{id}", alice.get("/passkeys/credentials/nope"), 404);
        call(
                alice,
                "PATCH",
                "/passkeys/credentials/{id}",
                alice.patch("/passkeys/credentials/" + id, "{\"name\": \"Phone\"}"),
                200);
        call(
                alice,
                "PATCH",
                "/passkeys/credentials/{id}",
                alice.patch("/passkeys/credentials/" + id, "{\"name\": 5}"),
                400);
        call(
                alice,
                "PATCH",
                "/passkeys/credentials/{id}",
                alice.patch("/passkeys/credentials/nope", "{\"enabled\": false}"),
                404);
        call(alice, "PATCH", "/passkeys/credentials/{id}", alice.patch("/passkeys/credentials/" + id, big()), 413);
        call(
                alice,
                "PATCH",
                "/passkeys/credentials/{id}",
                withCsrf(alice, "/passkeys/credentials/" + id, "PATCH", "text/plain"),
                415);
        call(
                alice,
                "PATCH",
                "/passkeys/credentials/{id}",
                alice.send(HttpRequest.newBuilder(URI.create(alice.url("/passkeys/credentials/" + id)))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))),
                403);
        call(alice, "GET", "/passkeys/signals", alice.get("/passkeys/signals"), 200);
        call(alice, "GET", "/passkeys/manage", alice.get("/passkeys/manage"), 200);
        call(alice, "DELETE", "/passkeys/credentials/{id}", alice.delete("/passkeys/credentials/nope"), 404);
        call(
                alice,
                "DELETE",
                "/passkeys/credentials/{id}",
                alice.send(HttpRequest.newBuilder(URI.create(alice.url("/passkeys/credentials/" + id)))
                        .DELETE()),
                403);
        String second = json(register(alice, new SoftwareAuthenticator(), new Tamper(), 201))
                .path("id")
                .asString();
        call(alice, "DELETE", "/passkeys/credentials/{id}", alice.delete("/passkeys/credentials/" + second), 204);

        call(alice, "GET", "/passkeys/step-up", alice.get("/passkeys/step-up"), 200);
        HttpResponse<String> stepUpOptions =
                call(alice, "POST", "/passkeys/step-up/options", alice.post("/passkeys/step-up/options", "{}"), 200);
        String stepUp = "{\"credential\": "
                + phone.authenticate(SoftwareAuthenticator.requestOptions(stepUpOptions.body()), alice.origin())
                + ", \"returnTo\": \"/passkeys/manage\"}";
        call(alice, "POST", "/passkeys/step-up", alice.post("/passkeys/step-up", "{\"returnTo\": 5}"), 400);
        call(alice, "POST", "/passkeys/step-up", alice.post("/passkeys/step-up", stepUp), 200);
        call(alice, "POST", "/passkeys/step-up", alice.post("/passkeys/step-up", stepUp), 401);
        call(
                new HttpSession(port),
                "POST",
                "/passkeys/step-up/options",
                new HttpSession(port).post("/passkeys/step-up/options", "{}"),
                401);

        HttpSession visitor = new HttpSession(port);
        call(visitor, "POST", "/passkeys/authentication", signIn(visitor, phone, new Tamper().corruptSignature()), 401);
        call(
                visitor,
                "POST",
                "/passkeys/authentication",
                signIn(visitor, phone, new Tamper().credentialId("dW5rbm93bg")),
                401);
        call(
                visitor,
                "POST",
                "/passkeys/authentication",
                visitor.post("/passkeys/authentication", "{\"type\": \"public-key\"}"),
                400);
        call(
                visitor,
                "POST",
                "/passkeys/authentication",
                visitor.postWithoutCsrf("/passkeys/authentication", "{}"),
                403);
        call(visitor, "POST", "/passkeys/authentication", visitor.post("/passkeys/authentication", big()), 413);
        call(
                visitor,
                "POST",
                "/passkeys/authentication",
                withCsrf(visitor, "/passkeys/authentication", "POST", "text/plain"),
                415);
        call(visitor, "POST", "/passkeys/authentication", signIn(visitor, phone, new Tamper()), 200);
        call(visitor, "POST", "/passkeys/upgrade/options", visitor.post("/passkeys/upgrade/options", "{}"), 403);

        recoveryCodes(alice, anonymous);
        signUp(new SoftwareAuthenticator());

        assertThat(violations).isEmpty();
        assertThat(new TreeSet<>(answered))
                .as("every documented operation answered in these flows")
                .isEqualTo(API.operations());
    }

    /** Checks the answer against the description and the status this flow expects; notes the operation. */
    private HttpResponse<String> call(
            HttpSession session, String method, String template, HttpResponse<String> response, int expected) {
        assertThat(response.statusCode())
                .as(method + " " + template + ": " + response.body())
                .isEqualTo(expected);
        violations.addAll(API.check(method, template, response));
        answered.add(method + " " + template);
        return response;
    }

    private HttpResponse<String> register(
            HttpSession session, SoftwareAuthenticator authenticator, Tamper tamper, int expected) {
        HttpResponse<String> options = call(
                session,
                "POST",
                "/passkeys/registration/options",
                session.post("/passkeys/registration/options", "{}"),
                200);
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), session.origin(), tamper);
        return call(
                session,
                "POST",
                "/passkeys/registration",
                session.post("/passkeys/registration", "{\"credential\": " + credential + "}"),
                expected);
    }

    private HttpResponse<String> signIn(HttpSession session, SoftwareAuthenticator authenticator, Tamper tamper) {
        HttpResponse<String> options = call(
                session,
                "POST",
                "/passkeys/authentication/options",
                session.post("/passkeys/authentication/options", "{}"),
                200);
        return session.post(
                "/passkeys/authentication",
                authenticator.authenticate(
                        SoftwareAuthenticator.requestOptions(options.body()), session.origin(), tamper));
    }

    private static HttpResponse<String> withCsrf(HttpSession session, String path, String method, String contentType) {
        JsonNode csrf = session.csrf();
        return session.send(HttpRequest.newBuilder(URI.create(session.url(path)))
                .header("Content-Type", contentType)
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .method(method, HttpRequest.BodyPublishers.ofString("name=x")));
    }

    /** Over the default passkeys.max-request-size (32 KB). */
    private void signUp(SoftwareAuthenticator phone) {
        HttpSession stranger = new HttpSession(port);
        String path = "/passkeys/sign-up/options";
        call(stranger, "POST", path, stranger.post(path, "{\"username\": \"alice\"}"), 409);
        call(stranger, "POST", path, stranger.post(path, "{\"username\": \"no spaces\"}"), 400);
        call(stranger, "POST", path, stranger.postWithoutCsrf(path, "{\"username\": \"dora\"}"), 403);
        call(stranger, "POST", path, stranger.post(path, big()), 413);
        call(stranger, "POST", path, withCsrf(stranger, path, "POST", "text/plain"), 415);
        HttpResponse<String> options = call(
                stranger,
                "POST",
                path,
                stranger.post(path, "{\"username\": \"dora\", \"displayName\": \"Dora\"}"),
                200);
        String finish = "/passkeys/sign-up";
        call(stranger, "POST", finish, stranger.post(finish, "[]"), 400);
        call(stranger, "POST", finish, stranger.post(finish, big()), 413);
        call(stranger, "POST", finish, withCsrf(stranger, finish, "POST", "text/plain"), 415);
        String credential = phone.register(SoftwareAuthenticator.creationOptions(options.body()), stranger.origin());
        HttpResponse<String> created = call(
                stranger,
                "POST",
                finish,
                stranger.post(
                        finish,
                        "{\"username\": \"dora\", \"displayName\": \"Dora\", \"credential\": " + credential + "}"),
                201);
        assertThat(json(created).path("recoveryCodes")).hasSize(10);
    }

    private void recoveryCodes(HttpSession alice, HttpSession anonymous) {
        call(anonymous, "GET", "/passkeys/recovery-codes", anonymous.get("/passkeys/recovery-codes"), 401);
        call(alice, "GET", "/passkeys/recovery-codes", alice.get("/passkeys/recovery-codes"), 200);
        HttpResponse<String> made =
                call(alice, "POST", "/passkeys/recovery-codes", alice.post("/passkeys/recovery-codes", "{}"), 201);
        String code = json(made).path("codes").get(0).asString();
        HttpSession stranger = new HttpSession(port);
        String wrong = "{\"username\": \"nobody\", \"code\": \"0000-0000-0000\"}";
        call(stranger, "POST", "/passkeys/recovery", stranger.post("/passkeys/recovery", "[]"), 400);
        call(stranger, "POST", "/passkeys/recovery", stranger.postWithoutCsrf("/passkeys/recovery", wrong), 403);
        call(stranger, "POST", "/passkeys/recovery", stranger.post("/passkeys/recovery", big()), 413);
        call(
                stranger,
                "POST",
                "/passkeys/recovery",
                withCsrf(stranger, "/passkeys/recovery", "POST", "text/plain"),
                415);
        for (int i = 0; i < 5; i++) {
            call(stranger, "POST", "/passkeys/recovery", stranger.post("/passkeys/recovery", wrong), 401);
        }
        call(stranger, "POST", "/passkeys/recovery", stranger.post("/passkeys/recovery", wrong), 429);
        String right = "{\"username\": \"alice\", \"code\": \"" + code + "\"}";
        call(stranger, "POST", "/passkeys/recovery", stranger.post("/passkeys/recovery", right), 200);
    }

    private static String big() {
        return "{\"name\": \"" + "x".repeat(40_000) + "\"}";
    }
}
