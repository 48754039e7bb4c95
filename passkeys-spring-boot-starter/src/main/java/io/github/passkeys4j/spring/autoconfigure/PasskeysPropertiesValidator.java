package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The start-up check of {@code passkeys.*}: a set-up that could never work in a browser (an origin outside the RP ID,
 * plain HTTP on a public host, a malformed origin) stops the app, with every problem named in one line, rather than
 * every passkey ceremony failing later with a vaguer message.
 */
final class PasskeysPropertiesValidator {

    /** Browsers refuse WebAuthn timeouts much longer than this; a longer challenge life only widens replay windows. */
    static final Duration MAX_CEREMONY_TIMEOUT = Duration.ofHours(1);

    /** Android app origins (FIDO's "android:apk-key-hash:<base64url SHA-256>"), checked by the core. */
    static final String ANDROID_ORIGIN_PREFIX = "android:apk-key-hash:";

    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

    private PasskeysPropertiesValidator() {}

    /** Throws {@link InvalidPasskeysPropertiesException} naming every problem found. */
    static void validate(PasskeysProperties properties) {
        List<String> problems = problems(properties);
        if (!problems.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(problems);
        }
    }

    static List<String> problems(PasskeysProperties properties) {
        List<String> problems = new ArrayList<>();
        String rpId = properties.getRpId();
        boolean rpIdValid = checkRpId(rpId, properties.getOrigins(), problems);
        // Default origins are made from the RP ID: with a bad RP ID, only origins the app set are worth a word.
        if (rpIdValid
                || (properties.getOrigins() != null && !properties.getOrigins().isEmpty())) {
            for (String origin : properties.effectiveOrigins()) {
                checkOrigin(origin, rpIdValid ? rpId : null, problems);
            }
        }
        RelatedOrigins.check(properties.getRelatedOrigins(), problems);
        try {
            BasePath.of(properties);
        } catch (InvalidPasskeysPropertiesException e) {
            problems.addAll(e.problems());
        }
        Duration timeout = properties.getCeremonyTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add("passkeys.ceremony-timeout: " + timeout + " must be positive (default 5m)");
        } else if (timeout.compareTo(MAX_CEREMONY_TIMEOUT) > 0) {
            problems.add("passkeys.ceremony-timeout: " + timeout + " is longer than " + MAX_CEREMONY_TIMEOUT
                    + " (default 5m)");
        }
        Duration rotation = properties.getChallengeKeyRotation();
        if (rotation == null || rotation.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("passkeys.challenge-key-rotation: " + rotation + " is shorter than 1m (default 1d)");
        } else if (timeout != null && rotation.compareTo(timeout.plus(RelyingParty.Builder.MIN_ROTATION_MARGIN)) < 0) {
            problems.add(
                    "passkeys.challenge-key-rotation: " + rotation + " must be at least passkeys.ceremony-timeout ("
                            + timeout + ") plus " + RelyingParty.Builder.MIN_ROTATION_MARGIN
                            + ", so a sign-in still in time never needs a forgotten key (default 1d)");
        }
        if (properties.getMaxPasskeysPerUser() < 1) {
            problems.add(
                    "passkeys.max-passkeys-per-user: " + properties.getMaxPasskeysPerUser() + " must be at least 1");
        }
        if (properties.getMaxRequestSize() == null
                || properties.getMaxRequestSize().toBytes() <= 0) {
            problems.add("passkeys.max-request-size: " + properties.getMaxRequestSize() + " must be positive");
        }
        return problems;
    }

    private static boolean checkRpId(String rpId, List<String> origins, List<String> problems) {
        if (rpId == null || rpId.isBlank()) {
            problems.add("passkeys.rp-id is empty: set your site's domain, e.g. example.com");
            return false;
        }
        if (rpId.contains("/") || rpId.contains(":")) {
            problems.add(
                    "passkeys.rp-id: " + rpId + " is a URL, not a domain; use the host name only, e.g. example.com");
            return false;
        }
        if (!DOMAIN.matcher(rpId).matches()) {
            problems.add("passkeys.rp-id: " + rpId + " is not a lower-case domain name such as example.com (write an"
                    + " internationalised name in its punycode form, xn--…)");
            return false;
        }
        if (IPV4.matcher(rpId).matches()) {
            problems.add("passkeys.rp-id: " + rpId + " is an IP address; WebAuthn needs a domain name");
            return false;
        }
        // Not a full public-suffix check: a single label other than localhost ("com") is refused, unless it is exactly
        // the host of every origin set (an intranet host such as https://intranet), which browsers accept.
        boolean intranetHost = origins != null
                && !origins.isEmpty()
                && origins.stream().allMatch(origin -> rpId.equals(hostOf(origin)));
        if (!rpId.contains(".") && !"localhost".equals(rpId) && !intranetHost) {
            problems.add(
                    "passkeys.rp-id: " + rpId + " is a top-level domain, not a registrable domain such as example.com");
            return false;
        }
        return true;
    }

    private static String hostOf(String origin) {
        try {
            return origin == null ? null : new URI(origin).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void checkOrigin(String origin, String rpId, List<String> problems) {
        if (origin == null || origin.isBlank()) {
            problems.add("passkeys.origins: an origin is empty");
            return;
        }
        if (origin.startsWith(ANDROID_ORIGIN_PREFIX) || origin.contains("*.")) {
            // Android apps and subdomain wildcards: the core's own check, so both say the same.
            if (origin.contains("*.") && !origin.startsWith("https://*.")) {
                problems.add("passkeys.origins: " + origin + " is a subdomain wildcard, allowed only as https://*."
                        + (rpId == null ? "<rp-id>" : rpId) + " (https, no port): browsers allow passkeys over plain"
                        + " http only on localhost");
                return;
            }
            try {
                RelyingParty.builder(rpId == null ? "localhost" : rpId, "check").origins(java.util.Set.of(origin));
            } catch (IllegalArgumentException e) {
                problems.add("passkeys.origins: " + e.getMessage());
            }
            return;
        }
        boolean anyPort = origin.endsWith(":*");
        URI uri;
        try {
            uri = new URI(anyPort ? origin.substring(0, origin.length() - 2) : origin);
        } catch (URISyntaxException e) {
            problems.add("passkeys.origins: " + origin + " is not an origin (scheme://host[:port])");
            return;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (!"https".equals(scheme) && !"http".equals(scheme) || host == null) {
            problems.add(
                    "passkeys.origins: " + origin + " is not an origin (scheme://host[:port], scheme http or https)");
            return;
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !uri.getRawPath().isEmpty()) {
            problems.add("passkeys.origins: " + origin + " has a path, query, fragment or user name; an origin is "
                    + "scheme://host[:port] only, e.g. " + scheme + "://" + host + portSuffix(uri));
            return;
        }
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            problems.add("passkeys.origins: " + origin + " has upper-case letters, which browsers never send; write "
                    + scheme + "://" + host.toLowerCase(Locale.ROOT) + portSuffix(uri));
            return;
        }
        if (("https".equals(scheme) && uri.getPort() == 443) || ("http".equals(scheme) && uri.getPort() == 80)) {
            problems.add("passkeys.origins: " + origin + " names the default port, which browsers leave out; write "
                    + scheme + "://" + host);
            return;
        }
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            // Browsers take no IP address as an RP ID: suggesting https://<the address> would be refused as well.
            problems.add("passkeys.origins: " + origin + " has an IP address, which browsers never accept for passkeys"
                    + " (the RP ID must be a domain name): use a host name"
                    + (isLoopback(host) ? ", here " + scheme + "://localhost" + portSuffix(uri) : ""));
            return;
        }
        boolean localhost = "localhost".equals(host) || host.endsWith(".localhost");
        if (anyPort && (!"localhost".equals(host) || uri.getPort() != -1)) {
            problems.add("passkeys.origins: " + origin + " has a port wildcard, allowed only as http(s)://localhost:*");
        }
        if (!localhost && !"https".equals(scheme)) {
            problems.add("passkeys.origins: " + origin + " is plain http, which browsers allow for passkeys only on "
                    + "localhost: use https://" + host + portSuffix(uri));
        }
        if (rpId != null && !host.equals(rpId) && !host.endsWith("." + rpId)) {
            problems.add("passkeys.origins: " + origin + " is not under passkeys.rp-id " + rpId + " (its host must be "
                    + rpId + " or end with ." + rpId + ")");
        }
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("[::1]");
    }

    private static String portSuffix(URI uri) {
        return uri.getPort() == -1 ? "" : ":" + uri.getPort();
    }
}
