package io.github.passkeys4j;

import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the origins given to {@link RelyingParty.Builder#origins}: web origins ({@code scheme://host[:port]}),
 * {@code http(s)://localhost:*} (any port of localhost), {@code https://*.<domain>} (every subdomain of a domain at or
 * under the RP ID, https on the default port only) and Android apps ({@code android:apk-key-hash:<base64url SHA-256
 * of the app's signing certificate>}).
 */
final class Origins {

    static final String ANDROID_PREFIX = "android:apk-key-hash:";
    static final String WILDCARD_PREFIX = "https://*.";

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private Origins() {}

    static Set<String> check(Set<String> origins, String rpId) {
        Set<String> checked = new LinkedHashSet<>();
        for (String origin : origins) {
            if (origin.startsWith(ANDROID_PREFIX)) {
                checkAndroid(origin);
            } else if (origin.startsWith(WILDCARD_PREFIX)) {
                checkWildcard(origin, rpId);
            } else {
                checkWeb(origin);
            }
            checked.add(origin);
        }
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("at least one origin is needed");
        }
        return Set.copyOf(checked);
    }

    /** Why an Android app origin is malformed, or {@code null} when it is fine. */
    static String androidProblem(String origin) {
        String hash = origin.substring(ANDROID_PREFIX.length());
        if (hash.endsWith("=")) {
            return "an Android origin's hash is base64url without padding: remove the trailing '=' of " + origin;
        }
        if (!BASE64URL.matcher(hash).matches()) {
            return "an Android origin is android:apk-key-hash: followed by the base64url (not base64: '-' and '_',"
                    + " no '+' '/' or ':') SHA-256 of the app's signing certificate: " + origin;
        }
        if (Base64.getUrlDecoder().decode(hash).length != 32 || hash.length() != 43) {
            return "an Android origin's hash is a SHA-256 (32 bytes, 43 base64url characters), not " + hash.length()
                    + " characters: " + origin;
        }
        return null;
    }

    /** Why a subdomain wildcard is malformed or outside the RP ID, or {@code null} when it is fine. */
    static String wildcardProblem(String origin, String rpId) {
        String domain = origin.substring(WILDCARD_PREFIX.length());
        if (!DOMAIN.matcher(domain).matches()) {
            return "a subdomain wildcard is https://*.<domain> with a lower-case domain and no port, path or second"
                    + " '*': " + origin;
        }
        if (rpId != null && !domain.equals(rpId) && !domain.endsWith("." + rpId)) {
            return "a subdomain wildcard must stay under the RP ID " + rpId + " (https://*." + rpId + " or deeper): "
                    + origin;
        }
        return null;
    }

    private static void checkAndroid(String origin) {
        String problem = androidProblem(origin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void checkWildcard(String origin, String rpId) {
        String problem = wildcardProblem(origin, rpId.toLowerCase(Locale.ROOT));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void checkWeb(String origin) {
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
            throw new IllegalArgumentException("a port wildcard is only allowed as http(s)://localhost:*: " + origin);
        }
    }
}
