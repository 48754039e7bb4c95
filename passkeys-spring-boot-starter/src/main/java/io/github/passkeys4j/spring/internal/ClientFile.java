package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * One file we serve, prepared once: its bytes, their gzip form (when smaller) and a version (a hash of the bytes).
 * The version is the strong ETag ({@code "<version>"}, {@code "<version>-gz"} for the gzip form, as each
 * representation needs its own) and, in {@code ?v=<version>}, makes a URL whose content never changes: that is
 * cached for a year without asking ({@code immutable}); every other request revalidates ({@code no-cache}, then 304).
 */
record ClientFile(byte[] bytes, byte[] gzip, String contentType, String version) {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    static ClientFile of(byte[] bytes, String contentType) {
        byte[] gzip = gzip(bytes);
        return new ClientFile(bytes, gzip.length < bytes.length ? gzip : null, contentType, hash(bytes));
    }

    /** Writes the file, or 304 when If-None-Match names it; gzip when the request accepts it. */
    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean zipped = gzip != null && acceptsGzip(request.getHeader("Accept-Encoding"));
        if (gzip != null) {
            response.addHeader("Vary", "Accept-Encoding");
        }
        response.setHeader("ETag", "\"" + version + (zipped ? "-gz\"" : "\""));
        response.setHeader("Cache-Control", version.equals(request.getParameter("v")) ? IMMUTABLE : "no-cache");
        if (matches(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = zipped ? gzip : bytes;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        if (zipped) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Either form's tag (the content is the same), weak or strong, or {@code *}. */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + version + "\"") || tag.equals("\"" + version + "-gz\"")) {
                return true;
            }
        }
        return false;
    }

    /** Whether Accept-Encoding lists gzip (or *) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (!name.equalsIgnoreCase("gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    refused = parameter.substring(2).strip().matches("0(\\.0{0,3})?");
                }
            }
            return !refused;
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
