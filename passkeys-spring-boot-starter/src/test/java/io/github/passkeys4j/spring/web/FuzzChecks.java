package io.github.passkeys4j.spring.web;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every fuzz try checks, and the views that say whether a changed request still means the honest one (then the
 * server may accept it) or not (then it must refuse).
 */
final class FuzzChecks {

    /** A Java class name ({@code tools.jackson.core.JsonParser}), as a stack trace or exception message shows one. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    /** What Jackson's default scalar coercion reads as {@code false} (or no value) for a {@code Boolean}. */
    private static final List<String> FALSE_BY_COERCION = List.of("null", "false", "\"\"", "\"false\"", "0");

    private FuzzChecks() {}

    static HttpResponse<String> send(HttpSession session, String method, String path, byte[] body) {
        JsonNode csrf = session.csrf();
        return session.send(HttpRequest.newBuilder(URI.create(session.url(path)))
                .header("Content-Type", "application/json")
                .header(csrf.path("header").asString(), csrf.path("token").asString())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A 4xx RFC 9457 problem with {@code status}, {@code detail} and {@code reason}, and nothing internal in it. */
    static void assertRefused(HttpResponse<String> response, Object what) {
        String description = what + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(description).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(description)
                .startsWith("application/problem+json");
        JsonNode problem = HttpSession.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(description).isEqualTo(response.statusCode());
        assertThat(problem.path("detail").asString("")).as(description).isNotBlank();
        assertThat(problem.path("reason").asString("")).as(description).isNotBlank();
        assertNothingInternal(response, what);
    }

    static void assertNothingInternal(HttpResponse<String> response, Object what) {
        String description = what + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(description).isLessThan(500);
        assertThat(response.body()).as(description).doesNotContain("Exception", "\tat ", ".java:");
        assertThat(CLASS_NAME.matcher(withoutInstance(response.body())).find())
                .as(description + " names a Java class")
                .isFalse();
    }

    /** A problem body without its {@code instance}, which echoes the request path (an ID such as {@code a.b.C}). */
    private static String withoutInstance(String body) {
        JsonNode problem = tree(body.getBytes(StandardCharsets.UTF_8));
        if (problem instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("instance");
            return object.toString();
        }
        return body;
    }

    /** Nobody is signed in on this session: the app sends its anonymous visitor to the login page. */
    static void assertAnonymous(HttpSession session, Object what) {
        assertThat(session.get("/whoami").statusCode()).as(what + ": signed in").isEqualTo(302);
    }

    /** Still {@code username} signed in with a password: a registration try never changes who is signed in. */
    static void assertStillPasswordUser(HttpSession session, String username, Object what) {
        JsonNode who = HttpSession.JSON.readTree(session.get("/whoami").body());
        assertThat(who.path("name").asString()).as(what.toString()).isEqualTo(username);
        assertThat(who.path("type").asString()).as(what.toString()).isEqualTo("UsernamePasswordAuthenticationToken");
    }

    /** What a server verifies in an assertion, decoded; two bodies with the same view mean the same sign-in. */
    static Optional<List<String>> assertionView(byte[] body) {
        JsonNode root = tree(body);
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode response = root.path("response");
        List<String> view = new ArrayList<>();
        view.add("id=" + decoded(root.get("id")));
        view.add("rawId=" + decoded(root.get("rawId")));
        view.add("type=" + root.get("type"));
        view.add("clientData=" + decoded(response.get("clientDataJSON")));
        view.add("authenticatorData=" + decoded(response.get("authenticatorData")));
        view.add("signature=" + decoded(response.get("signature")));
        JsonNode userHandle = response.get("userHandle");
        view.add("userHandle=" + (userHandle == null || userHandle.isNull() ? "none" : decoded(userHandle)));
        return Optional.of(view);
    }

    /**
     * What a server checks in a registration body that no signature covers for "none" attestation: the same view and
     * a readable attestation object may make a valid registration.
     */
    static Optional<List<String>> registrationView(byte[] body) {
        JsonNode root = tree(body);
        if (root == null || !root.isObject() || !root.path("credential").isObject()) {
            return Optional.empty();
        }
        JsonNode credential = root.path("credential");
        JsonNode name = root.get("name");
        List<String> view = new ArrayList<>();
        view.add("name=" + (name == null || name.isNull() || name.isString() ? "fine" : name.toString()));
        view.add("id=" + decoded(credential.get("id")));
        view.add("rawId=" + decoded(credential.get("rawId")));
        view.add("type=" + credential.get("type"));
        JsonNode response = credential.path("response");
        String clientData = decoded(response.get("clientDataJSON"));
        view.add("clientData="
                + (clientData == null ? null : clientDataView(HexFormat.of().parseHex(clientData))));
        view.add("attestationObject=" + (decoded(response.get("attestationObject")) != null));
        return Optional.of(view);
    }

    /** The members of {@code clientDataJSON} a server checks, as the JSON it parsed says them. */
    static List<String> clientDataView(byte[] clientData) {
        JsonNode root = tree(clientData);
        if (root == null || !root.isObject()) {
            return List.of("unreadable");
        }
        JsonNode crossOrigin = root.get("crossOrigin");
        JsonNode topOrigin = root.get("topOrigin");
        return List.of(
                String.valueOf(root.get("type")),
                String.valueOf(root.get("challenge")),
                allowedOrigin(root.get("origin")),
                crossOrigin == null || FALSE_BY_COERCION.contains(crossOrigin.toString())
                        ? "not cross-origin"
                        : crossOrigin.toString(),
                topOrigin == null || topOrigin.isNull() ? "no top origin" : topOrigin.toString());
    }

    /** The test app allows http(s)://localhost on any port (scheme and host in any case, as URLs compare them). */
    private static String allowedOrigin(JsonNode origin) {
        return origin != null && origin.isString() && origin.asString().matches("(?i)https?://localhost(:[0-9]{1,5})?")
                ? "an allowed origin"
                : String.valueOf(origin);
    }

    /** Base64url (or standard base64, padded or not) decoded to hex; null when not a string or not decodable. */
    static String decoded(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        String text = value.asString().replace('+', '-').replace('/', '_');
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The JSON as the server reads it: text first (bad UTF-8 becomes U+FFFD, as Spring and webauthn4j decode). */
    static JsonNode tree(byte[] json) {
        try {
            return HttpSession.JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
