package io.github.passkeys4j.spring.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** One browser-like HTTP client against the test app: its own cookies, CSRF token fetched when asked. Real HTTP. */
final class HttpSession {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String origin;
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String language;
    private String csrfPage;

    HttpSession(int port) {
        this(port, "");
    }

    /** Against an app under {@code server.servlet.context-path}: every path given is relative to it. */
    HttpSession(int port, String contextPath) {
        this.origin = "http://localhost:" + port;
        this.base = origin + contextPath;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code Accept-Language: tag} with every request from now on, as a browser set to that language does. */
    HttpSession language(String tag) {
        this.language = tag;
        return this;
    }

    String origin() {
        return origin;
    }

    JsonNode csrf() {
        if (csrfPage != null) {
            // As the JS client does: the token from the page's <meta name="_csrf"> and <meta name="_csrf_header">.
            String page = get(csrfPage).body();
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]*)\"")
                    .matcher(page);
            java.util.regex.Matcher header = java.util.regex.Pattern.compile(
                            "name=\"_csrf_header\" content=\"([^\"]*)\"")
                    .matcher(page);
            if (!token.find() || !header.find()) {
                throw new IllegalStateException("no CSRF meta tags on " + csrfPage);
            }
            return JSON.createObjectNode().put("token", token.group(1)).put("header", header.group(1));
        }
        return json(send(HttpRequest.newBuilder(URI.create(base + "/csrf")).GET()));
    }

    /** Reads the CSRF token from the meta tags of the page at {@code path} (as the JS client does) from now on. */
    HttpSession csrfFromPage(String path) {
        this.csrfPage = path;
        return this;
    }

    HttpResponse<String> signInWithPassword(String username, String password) {
        String token = csrf().path("token").asString();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A JSON POST with the CSRF header, as the JS client sends it. */
    HttpResponse<String> post(String path, String json) {
        JsonNode csrf = csrf();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        JsonNode csrf = csrf();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        JsonNode csrf = csrf();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .DELETE());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (language != null) {
                request.setHeader("Accept-Language", language);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sessionId() {
        return cookie("JSESSIONID");
    }

    /** The value of this browser's cookie {@code name}, or {@code null}. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    String url(String path) {
        return base + path;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
