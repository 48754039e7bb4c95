package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The starter's static client files ({@code passkeys.js}, its parts loaded on need, {@code passkeys-manage.js},
 * {@code passkeys.css}, …) and the client's texts ({@code messages}) with the headers every response of ours carries.
 * Each file is read and gzipped once ({@link ClientFile}): a browser gets the gzip form when it accepts it, revalidates
 * ({@code no-cache}, then 304) until a new library version changes the file, and keeps a versioned URL
 * ({@link #versioned}) for a year without asking.
 *
 * <p>{@code passkeys.js} is what every page with a passkey button needs ({@code client/passkeys-*.js} in
 * {@link #CORE_PARTS}, in one function scope): integrators include one file, we keep each part small. The parts only
 * some pages need (sign-up, step-up, the upgrade offer) are files of their own that {@code passkeys.js} loads when the
 * page has their element or their function is called; it learns their versioned names from a {@code PARTS} constant
 * written in front of its code here.
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

    /** The parts of passkeys.js, in order (wiring last: it starts the rest). */
    static final List<String> CORE_PARTS = List.of(
            "client/passkeys-base.js",
            "client/passkeys-json.js",
            "client/passkeys-ceremonies.js",
            "client/passkeys-username.js",
            "client/passkeys-immediate.js",
            "client/passkeys-recovery.js",
            "client/passkeys-wiring.js");

    /** The parts passkeys.js loads on need: its name for each, and the file served under the base path. */
    static final Map<String, String> LAZY_PARTS = Map.of(
            "signup", "passkeys-signup.js",
            "stepup", "passkeys-stepup.js",
            "upgrade", "passkeys-upgrade.js");

    private static final Pattern FILE_PLACEHOLDER = Pattern.compile("\\{\\{file:([a-z.-]+)}}");

    private static final String JAVASCRIPT = "text/javascript;charset=UTF-8";

    private static final Map<String, ClientFile> FILES = files();

    /** The client's texts as served, by their JSON: gzipped and hashed once per language, not per request. */
    private static final Map<String, ClientFile> TEXTS = new ConcurrentHashMap<>();

    private ClientFiles() {}

    /** Served to anyone, before the app's rules: what a login page needs. */
    private static final Set<String> PUBLIC = publicNames();

    /**
     * The file names served under the base path to anyone. (The diagnostics page's script is served by that page's
     * controller only, under the app's rules, and only when the page is on.)
     */
    public static Set<String> names() {
        return PUBLIC;
    }

    /** {@code name?v=<its version>}: a URL for a page to link, cached by the browser until the file changes. */
    public static String versioned(String name) {
        return name + "?v=" + version(name);
    }

    /** The version of {@code name} (a hash of its bytes), for {@code ?v=} (the Thymeleaf fragment's links). */
    public static String version(String name) {
        ClientFile file = FILES.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no client file " + name);
        }
        return file.version();
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
        String json = messages.clientJson(messages.locale(request));
        ClientFile file = TEXTS.get(json);
        if (file == null) {
            file = ClientFile.of(json.getBytes(StandardCharsets.UTF_8), "application/json");
            if (TEXTS.size() < 64) { // one per language and version of the app's texts: a handful
                TEXTS.put(json, file);
            }
        }
        write(file, request, response);
    }

    private static void write(ClientFile file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        securityHeaders(response);
        file.write(request, response);
    }

    /** CSP, Referrer-Policy and nosniff, on every page and file we serve. */
    public static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** A page of ours, its {@code {{file:NAME}}} placeholders replaced by {@link #versioned} names. */
    public static String readPage(String name) {
        return FILE_PLACEHOLDER.matcher(read(name)).replaceAll(m -> versioned(m.group(1)));
    }

    public static String read(String name) {
        try {
            return StreamUtils.copyToString(
                    new ClassPathResource(RESOURCES + name).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + RESOURCES + name, e);
        }
    }

    private static Map<String, ClientFile> files() {
        Map<String, ClientFile> files = new HashMap<>();
        StringBuilder parts = new StringBuilder();
        new TreeMap<>(LAZY_PARTS).forEach((part, name) -> {
            ClientFile file = ClientFile.of(bytes("client/" + name), JAVASCRIPT);
            files.put(name, file);
            parts.append(parts.isEmpty() ? "" : ", ")
                    .append(part)
                    .append(": '")
                    .append(name)
                    .append("?v=")
                    .append(file.version())
                    .append('\'');
        });
        files.put("passkeys.js", ClientFile.of(clientScript("const PARTS = { " + parts + " };\n"), JAVASCRIPT));
        for (String name : List.of("passkeys-manage.js", "passkeys-recovery-codes.js", "passkeys-diagnostics.js")) {
            files.put(name, ClientFile.of(bytes(name), JAVASCRIPT));
        }
        files.put("passkeys.css", ClientFile.of(bytes("passkeys.css"), "text/css;charset=UTF-8"));
        return Map.copyOf(files);
    }

    private static Set<String> publicNames() {
        Set<String> names = new HashSet<>(FILES.keySet());
        names.remove("passkeys-diagnostics.js");
        return Set.copyOf(names);
    }

    /** The core parts of passkeys.js in one function scope, so their names stay out of the page's globals. */
    private static byte[] clientScript(String preamble) {
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n")
                .append(preamble)
                .append('\n');
        for (String part : CORE_PARTS) {
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
}
