package io.github.passkeys4j.example.jdk;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading JSON requests (with a size limit) and writing JSON, problem and page answers. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The largest request body read; a passkey response is a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private Http() {}

    /** The request body as JSON text: 415 unless JSON, 413 above {@link #MAX_BODY_BYTES}, 400 unless valid JSON. */
    static String readJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase().strip().matches("application/json\\s*(;.*)?")) {
            throw new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JSON.readTree(text.isBlank() ? "{}" : text);
        } catch (JacksonException e) {
            throw new Problem(400, "MALFORMED_REQUEST", "The request body is not valid JSON.");
        }
        return text.isBlank() ? "{}" : text;
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        sendJson(exchange, status, JSON.writeValueAsString(value));
    }

    /** A refusal also ends the connection: the request's body may be left unread (a 413, say). */
    static void sendProblem(HttpExchange exchange, Problem problem) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(problem.status));
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        body.put("reason", problem.reason);
        send(exchange, problem.status, "application/problem+json", JSON.writeValueAsString(body));
    }

    static void sendPage(HttpExchange exchange, String contentType, String text) throws IOException {
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
        send(exchange, 200, contentType, text);
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Problem tooLarge() {
        return new Problem(
                413, "REQUEST_TOO_LARGE", "The request body is too large: the limit is " + MAX_BODY_BYTES + " bytes.");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Internal Server Error";
        };
    }
}
