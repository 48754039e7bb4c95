package io.github.passkeys4j.demo.nodes;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser in front of several nodes, as behind a load balancer: one cookie jar for all of them (cookies are per
 * host, and every node is on localhost), each request sent to the node the test names. CSRF tokens come from a page's
 * meta tags as the JS client reads them.
 */
final class Visitor {

    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    record Csrf(String header, String token) {}

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Another visitor holding this one's cookies as they are now (session, CSRF, sign-in binding): the same browser
     * state sent many times at once, without one answer's new cookies leaking into the others mid-race.
     */
    Visitor copy() {
        Visitor copy = new Visitor();
        CookieStore store = cookies.getCookieStore();
        for (URI uri : store.getURIs()) {
            for (HttpCookie cookie : store.get(uri)) {
                copy.cookies.getCookieStore().add(uri, (HttpCookie) cookie.clone());
            }
        }
        return copy;
    }

    HttpResponse<String> get(DemoNode node, String path) {
        return send(HttpRequest.newBuilder(URI.create(node.origin() + path))
                .header("Accept", "application/json, text/html"));
    }

    Csrf csrf(DemoNode node, String path) {
        String page = get(node, path).body();
        Matcher token = CSRF.matcher(page);
        Matcher header = CSRF_HEADER.matcher(page);
        assertThat(token.find() && header.find())
                .as("%s carries the CSRF meta tags", path)
                .isTrue();
        return new Csrf(header.group(1), token.group(1));
    }

    HttpResponse<String> postJson(DemoNode node, String path, String json, Csrf csrf) {
        return send(HttpRequest.newBuilder(URI.create(node.origin() + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(csrf.header(), csrf.token())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postForm(DemoNode node, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))
                + "&_csrf=" + enc(csrf(node, path).token());
        return send(HttpRequest.newBuilder(URI.create(node.origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs up on one node and signs in with the password on another. */
    void signUpAndSignIn(String username, DemoNode signUpOn, DemoNode signInOn) {
        Map<String, String> form = Map.of("username", username, "password", PASSWORD);
        assertThat(postForm(signUpOn, "/signup", form).statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = postForm(signInOn, "/login", form);
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as("password sign-in")
                .doesNotContain("error");
    }

    /** Adds a passkey made by {@code authenticator} through {@code node}; returns the 201 answer's JSON. */
    JsonNode registerPasskey(DemoNode node, SoftwareAuthenticator authenticator, String name) {
        Csrf csrf = csrf(node, "/passkeys/manage");
        HttpResponse<String> options = postJson(node, "/passkeys/registration/options", "{}", csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), node.origin());
        HttpResponse<String> created = postJson(
                node,
                "/passkeys/registration",
                "{\"credential\": " + credential + ", \"name\": \"" + name + "\"}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** Sign-in options from {@code node}, answered by {@code authenticator} on that node's page. */
    String assertion(DemoNode node, SoftwareAuthenticator authenticator) {
        HttpResponse<String> options = signInOptions(node, csrf(node, "/login"));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return authenticator.authenticate(SoftwareAuthenticator.requestOptions(options.body()), node.origin());
    }

    HttpResponse<String> signInOptions(DemoNode node, Csrf csrf) {
        return postJson(node, "/passkeys/authentication/options", "{}", csrf);
    }

    HttpResponse<String> finishSignIn(DemoNode node, String assertion) {
        return postJson(node, "/passkeys/authentication", assertion, csrf(node, "/login"));
    }

    /** Who {@code /me} on {@code node} says is signed in, or {@code null} when it answers 401. */
    String me(DemoNode node) {
        HttpResponse<String> me = get(node, "/me");
        if (me.statusCode() == 401) {
            return null;
        }
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return JSON.readTree(me.body()).path("username").asString();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
