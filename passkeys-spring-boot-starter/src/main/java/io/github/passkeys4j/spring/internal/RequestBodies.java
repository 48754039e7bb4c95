package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON bodies of the starter's endpoints. A body with a declared length is read into an array of that
 * length (bodies past the JDK's 8 KB read chunk are put together from chunks): {@code StreamUtils.copyToString}
 * allocated two 8 KB buffers per request whatever the body (14 % of the demo's allocation per sign-in, bench profile,
 * JFR). The size limit is the endpoint filter's stream's (413), not this class's.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class RequestBodies {

    /** Declared lengths above this are read in chunks, so a false header cannot make us allocate it up front. */
    private static final long ONE_ARRAY_UP_TO = 64 * 1024;

    private RequestBodies() {}

    /** Whether {@code contentType} is JSON ({@code application/json}, with or without parameters). */
    public static boolean isJson(@Nullable String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** The request's body as UTF-8 text (empty when there is none). */
    public static String text(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        InputStream in = request.getInputStream();
        if (declared < 0 || declared > ONE_ARRAY_UP_TO) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] body = in.readNBytes((int) declared);
        int more = body.length == declared ? in.read() : -1;
        if (more == -1) {
            return new String(body, StandardCharsets.UTF_8);
        }
        // More than declared: a wrapper of the app's changed the body (decoded it, say) but not its length.
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.length * 2);
        whole.write(body);
        whole.write(more);
        in.transferTo(whole);
        return whole.toString(StandardCharsets.UTF_8);
    }
}
