package io.github.passkeys4j.spring.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a step-up may send the user back: a path of this app. Anything else would make the step-up an open redirect,
 * or send the user outside the app (a path without its context path).
 *
 * <p>Internal: not API, may change in any release.
 */
public final class ReturnPaths {

    private ReturnPaths() {}

    /**
     * A path of this app: starts with the context path and one {@code /}, no {@code //} or {@code /\} (which browsers
     * read as another host), no scheme, no control characters, spaces or backslashes, at most 2,048 characters.
     */
    public static boolean isAppPath(String path, String contextPath) {
        if (path == null || path.isEmpty() || path.length() > 2048 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return contextPath.isEmpty() || path.equals(contextPath) || path.startsWith(contextPath + "/");
    }

    /**
     * The path and query of a {@code Referer} when they are a path of this app, else {@code null}: where a form that
     * needed a step-up was, so the user comes back to it. Taken as a path on this site whatever its host says.
     */
    public static String ofReferer(String referer, String contextPath) {
        if (referer == null || referer.length() > 2048) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            if (path == null) {
                return null;
            }
            String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            return isAppPath(pathAndQuery, contextPath) ? pathAndQuery : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
