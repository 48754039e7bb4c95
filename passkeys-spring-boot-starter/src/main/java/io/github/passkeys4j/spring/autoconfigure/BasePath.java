package io.github.passkeys4j.spring.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks {@code passkeys.base-path} at start-up. The starter opens a few URLs under it to anonymous users and turns
 * its errors into problem bodies, so it must be a plain path prefix of its own: never {@code /}, never a pattern.
 */
final class BasePath {

    /** Segments of RFC 3986 unreserved characters, none starting with a dot ({@code .}/{@code ..} are refused). */
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

    private BasePath() {}

    /** The base path without a trailing slash; {@link InvalidPasskeysPropertiesException} naming the value if bad. */
    static String of(PasskeysProperties properties) {
        String configured = properties.getBasePath();
        String path = configured == null ? "" : configured.strip();
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!PLAIN.matcher(path).matches()) {
            // Boot's failure report shows this wherever it is first thrown (often while the web server starts).
            throw new InvalidPasskeysPropertiesException(List.of("passkeys.base-path: \"" + configured
                    + "\" is not a plain path prefix; use one of its own such as /passkeys (a leading slash, letters,"
                    + " digits, '-', '_', '.', '~'; not /, empty, or a pattern)"));
        }
        return path;
    }
}
