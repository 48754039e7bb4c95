package io.github.passkeys4j.sample;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser-like JDK {@link HttpClient} against Acme Notes: its own cookies, no redirects followed, paths under the
 * context path ({@code "/login"} is {@code /acme/login}), and the CSRF token read from a page's {@code _csrf} /
 * {@code _csrf_header} meta tags as the passkeys script reads it. Real HTTP on {@code http://localhost:PORT}.
 */
public final class SampleHttp {

    public static final String CONTEXT_PATH = "/acme";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    /** A CSRF token and the header that carries it. */
    public record Csrf(String header, String token) {}

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public SampleHttp(int port) {
        this.origin = "http://localhost:" + port;
    }

    public String origin() {
        return origin;
    }

    public HttpResponse<String> get(String path) {
        return send(
                request(path).header("Accept", "application/json, text/html").GET());
    }

    /** A GET with HTTP Basic credentials, as an API client sends it. */
    public HttpResponse<String> getWithBasic(String path, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .GET());
    }

    /** The CSRF token of the page at {@code path}. */
    public Csrf csrfOf(String path) {
        HttpResponse<String> page = get(path);
        Matcher token = CSRF.matcher(page.body());
        Matcher header = CSRF_HEADER.matcher(page.body());
        assertThat(token.find() && header.find())
                .as("%s (HTTP %d) carries the CSRF meta tags", path, page.statusCode())
                .isTrue();
        return new Csrf(header.group(1), token.group(1));
    }

    /** Signs in on the login form; answers the form's redirect (to {@code /acme/} on success). */
    public HttpResponse<String> signInWithPassword(String username, String password) {
        return postForm("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Signs in and asserts it worked. */
    public SampleHttp signedIn(String username, String password) {
        HttpResponse<String> answer = signInWithPassword(username, password);
        assertThat(answer.statusCode()).as("password sign-in of %s", username).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return this;
    }

    /** Creates a password account on the sign-up form. */
    public void signUp(String username, String password) {
        HttpResponse<String> answer =
                postForm("/signup", "/signup", Map.of("username", username, "password", password));
        assertThat(answer.statusCode())
                .as("sign-up of %s: %s", username, answer.body())
                .isEqualTo(302);
    }

    /** Posts a form as a browser does, with the CSRF token of the page at {@code formPage}. */
    public HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfOf(formPage).token());
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON request as the passkeys script sends it, with the CSRF token of the page at {@code csrfPage}. */
    public HttpResponse<String> json(String method, String path, String json, String csrfPage) {
        Csrf csrf = csrfOf(csrfPage);
        return json(method, path, json, csrf);
    }

    public HttpResponse<String> json(String method, String path, String json, Csrf csrf) {
        HttpRequest.Builder request = request(path)
                .header("Accept", "application/json, application/problem+json")
                .header(csrf.header(), csrf.token());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    public static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin + CONTEXT_PATH + path));
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
