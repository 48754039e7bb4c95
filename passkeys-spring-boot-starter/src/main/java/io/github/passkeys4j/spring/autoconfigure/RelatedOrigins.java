package io.github.passkeys4j.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The start-up check of {@code passkeys.related-origins}: browsers only follow https origins, written exactly. */
final class RelatedOrigins {

    private static final String PROPERTY = "passkeys.related-origins: ";

    private RelatedOrigins() {}

    static void check(List<String> origins, List<String> problems) {
        if (origins == null) {
            return;
        }
        for (String origin : origins) {
            String problem = problemOf(origin);
            if (problem != null) {
                problems.add(PROPERTY + problem);
            }
        }
    }

    private static String problemOf(String origin) {
        if (origin == null || origin.isBlank()) {
            return "an origin is empty";
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return origin + " is not an https origin (https://host[:port])";
        }
        String host = uri.getHost();
        if (!"https".equals(uri.getScheme()) || host == null) {
            return origin + " is not an https origin (https://host[:port]); related origins must use https";
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !uri.getRawPath().isEmpty()) {
            return origin + " has a path, query, fragment or user name; write https://" + host + portOf(uri);
        }
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            return origin + " has upper-case letters; write https://" + host.toLowerCase(Locale.ROOT) + portOf(uri);
        }
        if (uri.getPort() == 443) {
            return origin + " names the default port, which browsers leave out; write https://" + host;
        }
        return null;
    }

    private static String portOf(URI uri) {
        return uri.getPort() == -1 ? "" : ":" + uri.getPort();
    }
}
