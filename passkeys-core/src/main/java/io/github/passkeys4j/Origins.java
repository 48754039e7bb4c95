package io.github.passkeys4j;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checks the origins given to {@link RelyingParty.Builder#origins}. */
final class Origins {

    private Origins() {}

    static Set<String> check(Set<String> origins) {
        Set<String> checked = new LinkedHashSet<>();
        for (String origin : origins) {
            // "http://localhost:*" (any port) is allowed for localhost only: a dev server's port often varies.
            String exact = origin.endsWith(":*") ? origin.substring(0, origin.length() - 2) : origin;
            URI uri;
            try {
                uri = URI.create(exact);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an origin: " + origin, e);
            }
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new IllegalArgumentException("an origin is scheme://host[:port] with no path: " + origin);
            }
            if (origin.endsWith(":*") && (!"localhost".equals(uri.getHost()) || uri.getPort() != -1)) {
                throw new IllegalArgumentException(
                        "a port wildcard is only allowed as http(s)://localhost:*: " + origin);
            }
            checked.add(origin);
        }
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("at least one origin is needed");
        }
        return Set.copyOf(checked);
    }
}
