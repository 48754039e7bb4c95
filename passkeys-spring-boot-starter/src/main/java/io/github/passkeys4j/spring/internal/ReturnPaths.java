package io.github.passkeys4j.spring.internal;

import java.util.Locale;

/**
 * Where a step-up may send the user back: a path of this app. Anything else would make the step-up an open redirect,
 * or send the user outside the app (a path without its context path, or one that climbs out of it with {@code ..}).
 *
 * <p>Internal: not API, may change in any release.
 */
public final class ReturnPaths {

    private ReturnPaths() {}

    /**
     * A path of this app, with an optional query: starts with the context path and one {@code /}, no {@code //} or
     * {@code /\} (which browsers read as another host), no {@code .} or {@code ..} segment (also as {@code %2e}), no
     * control characters, spaces or backslashes, at most 2,048 characters.
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
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String pathOnly = path.substring(0, end);
        for (String segment : pathOnly.split("/", -1)) {
            // Browsers resolve "." and ".." (and %2e) before they ask; ";" starts parameters Tomcat drops.
            String name = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            int parameters = name.indexOf(';');
            name = parameters >= 0 ? name.substring(0, parameters) : name;
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return contextPath.isEmpty() || pathOnly.equals(contextPath) || pathOnly.startsWith(contextPath + "/");
    }

    /**
     * The path and query of a {@code Referer} when they are a path of this app, else {@code null}: where a form that
     * needed a step-up was, so the user comes back to it. Taken as a path on this site whatever host it names.
     */
    public static String ofReferer(String referer, String contextPath) {
        if (referer == null || referer.length() > 2048) {
            return null;
        }
        int scheme = referer.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int path = scheme + 3;
        while (path < referer.length() && "/?#".indexOf(referer.charAt(path)) < 0) {
            path++;
        }
        if (path == referer.length() || referer.charAt(path) != '/') {
            return null;
        }
        int fragment = referer.indexOf('#', path);
        String pathAndQuery = fragment >= 0 ? referer.substring(path, fragment) : referer.substring(path);
        return isAppPath(pathAndQuery, contextPath) ? pathAndQuery : null;
    }
}
