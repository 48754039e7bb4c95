package io.github.passkeys4j.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One visitor's browser: its own cookie jar (a new {@code Browser} is a first visit, with no session and no CSRF
 * cookie), over the JDK's keep-alive connections shared by all visitors, as they would be behind a proxy, rather than
 * measuring TCP set-up. HTTP/1.1 as browsers speak to a plain-http origin; redirects are not followed (a sign-in's
 * answer is read, not the page it leads to).
 *
 * <p>Blocking {@link HttpURLConnection}, each request sent and read on the client's own thread: the generator shares
 * one core among all its clients, and {@code java.net.http.HttpClient} handed every request to its selector thread
 * and back, which made the generator the pace-setter at 16 clients (93-99 % of its core against our demo and the
 * floor), so its own queueing was measured as the apps' latency.
 */
final class Browser {

    static {
        // Idle keep-alive connections kept per host (the JDK's default, 5, is fewer than the clients: the others
        // would open a new connection per request, and the apps would pay for accepting them).
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        // A POST whose answer did not come is an error, never sent again: a resent finish would be refused as a
        // replay and cost the app a second verification.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final String origin;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(String origin) {
        this.origin = origin;
    }

    Answer get(String path) throws IOException {
        return send("GET", path, Map.of("Accept", "text/html"), null);
    }

    Answer postJson(String path, String json, Csrf csrf) throws IOException {
        return send(
                "POST",
                path,
                Map.of("Content-Type", "application/json", "Accept", "application/json", csrf.header(), csrf.token()),
                json);
    }

    Answer postForm(String path, Map<String, String> fields) throws IOException {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    private Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(origin + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        headers.forEach(connection::setRequestProperty);
        if (!cookies.isEmpty()) {
            connection.setRequestProperty(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // Buffered, not streamed: the JDK then writes the headers and the body in one go. Streamed, they left
            // in two writes, and the body waited for the server to acknowledge the headers (Nagle's algorithm against
            // delayed ACKs), about 1 ms per POST at one client.
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        String text;
        // Read to the end and closed, so the connection goes back to the keep-alive cache.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> setCookies = connection.getHeaderFields().getOrDefault("Set-Cookie", List.of());
        setCookies.forEach(this::keep);
        return new Answer(status, text, connection.getHeaderField("Location"));
    }

    /** Every cookie here is for the whole (loopback) host; an empty value or {@code Max-Age=0} deletes one. */
    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer as the generator needs it: status, body, and where a redirect points ({@code null}: none). */
    record Answer(int status, String body, String location) {}

    /** The CSRF token a page hands its script, and the header to send it in. */
    record Csrf(String header, String token) {}
}
