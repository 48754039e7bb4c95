package io.github.passkeys4j.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cookie-keeping JDK {@link HttpClient} against the demo on its port, posting forms and JSON the way the browser
 * and the JS client do: with the CSRF token from a page's {@code _csrf} / {@code _csrf_header} meta tags.
 */
final class DemoHttp {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    /** A CSRF token and the header name that carries it. */
    record Csrf(String header, String token) {}

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String language;

    DemoHttp(int port) {
        this.port = port;
    }

    /** Sends {@code Accept-Language: tag} from now on, as a browser set to that language does. */
    DemoHttp language(String tag) {
        this.language = tag;
        return this;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html"));
    }

    /** The CSRF token of the page at {@code path}, as the JS client reads it. */
    Csrf csrfOf(String path) {
        String page = get(path).body();
        Matcher token = CSRF.matcher(page);
        Matcher header = CSRF_HEADER.matcher(page);
        assertThat(token.find() && header.find())
                .as("%s carries the CSRF meta tags", path)
                .isTrue();
        return new Csrf(header.group(1), token.group(1));
    }

    /** Posts a form as a browser does: with the CSRF token of the page at the same path. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfOf(path).token());
        return postFormAsIs(path, form);
    }

    /** Posts a form with exactly these fields (no CSRF token unless given). */
    HttpResponse<String> postFormAsIs(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String json, Csrf csrf) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(csrf.header(), csrf.token())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (language != null) {
            request.setHeader("Accept-Language", language);
        }
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
        return URI.create(origin() + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
