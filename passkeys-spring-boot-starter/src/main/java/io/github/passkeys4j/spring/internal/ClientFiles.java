package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The starter's static client files ({@code passkeys.js}, {@code passkeys-manage.js}, {@code passkeys.css}) and the
 * client's texts ({@code messages}) with the headers every response of ours carries. Read once; each file's ETag is a
 * hash of its bytes, so a browser revalidates ({@code no-cache}) and gets 304 until a new library version changes the
 * file. {@code passkeys.js} is its parts ({@code client/passkeys-*.js}) in one function scope: integrators include one
 * file, we keep each part small.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class ClientFiles {

    static final String RESOURCES = "io/github/passkeys4j/spring/web/";

    /**
     * Our pages load only our own files: no inline script or style, nothing framed, forms post to this origin.
     * Provider icons are {@code data:} images.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** {@code GET <base>/messages}: the browser client's texts in the request's language. */
    public static final String MESSAGES = "messages";

    /** The parts of passkeys.js, in order. */
    static final List<String> CLIENT_PARTS = List.of(
            "client/passkeys-base.js",
            "client/passkeys-json.js",
            "client/passkeys-ceremonies.js",
            "client/passkeys-signup.js",
            "client/passkeys-username.js",
            "client/passkeys-stepup.js",
            "client/passkeys-wiring.js",
            "client/passkeys-upgrade.js",
            "client/passkeys-recovery.js");

    private static final String JAVASCRIPT = "text/javascript;charset=UTF-8";

    private static final Map<String, ClientFile> FILES = Map.of(
            "passkeys.js", file(clientScript(), JAVASCRIPT),
            "passkeys-manage.js", file(bytes("passkeys-manage.js"), JAVASCRIPT),
            "passkeys-recovery-codes.js", file(bytes("passkeys-recovery-codes.js"), JAVASCRIPT),
            "passkeys-diagnostics.js", file(bytes("passkeys-diagnostics.js"), JAVASCRIPT),
            "passkeys.css", file(bytes("passkeys.css"), "text/css;charset=UTF-8"));

    private ClientFiles() {}

    /** Served to anyone, before the app's rules: what a login page needs. */
    private static final Set<String> PUBLIC =
            Set.of("passkeys.js", "passkeys-manage.js", "passkeys-recovery-codes.js", "passkeys.css");

    /**
     * The file names served under the base path to anyone. (The diagnostics page's script is served by that page's
     * controller only, under the app's rules, and only when the page is on.)
     */
    public static Set<String> names() {
        return PUBLIC;
    }

    /** Writes {@code name} (one of {@link #names()}), or 304 when the request's If-None-Match has its ETag. */
    public static void serve(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientFile file = FILES.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no client file " + name);
        }
        write(file, request, response);
    }

    /**
     * Writes the client's texts in the request's language ({@link PasskeysMessages#clientJson}), revalidated like
     * the files: the ETag is a hash of the texts sent, so a change of language or of the app's texts is a 200.
     */
    public static void serveMessages(
            PasskeysMessages messages, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept-Language");
        write(
                file(
                        messages.clientJson(messages.locale(request)).getBytes(StandardCharsets.UTF_8),
                        "application/json"),
                request,
                response);
    }

    private static void write(ClientFile file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        securityHeaders(response);
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.contentType());
        response.setContentLength(file.bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(file.bytes());
        }
    }

    /** CSP, Referrer-Policy and nosniff, on every page and file we serve. */
    public static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    public static String read(String name) {
        try {
            return StreamUtils.copyToString(
                    new ClassPathResource(RESOURCES + name).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + RESOURCES + name, e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The parts of passkeys.js in one function scope, so their names stay out of the page's globals. */
    private static byte[] clientScript() {
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n\n");
        for (String part : CLIENT_PARTS) {
            script.append(read(part)).append('\n');
        }
        return script.append("})();\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try {
            return StreamUtils.copyToByteArray(new ClassPathResource(RESOURCES + name).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + RESOURCES + name, e);
        }
    }

    private static ClientFile file(byte[] bytes, String contentType) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 22) + "\"";
            return new ClientFile(bytes, contentType, etag);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ClientFile(byte[] bytes, String contentType, String etag) {}
}
