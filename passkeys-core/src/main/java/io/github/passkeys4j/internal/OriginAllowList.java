package io.github.passkeys4j.internal;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.server.OriginPredicate;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exact origins (web and Android apps), {@code http(s)://localhost:*} meaning any port of localhost, and
 * {@code https://*.<domain>} meaning any subdomain of that domain over https on the default port. A wildcard is a
 * match on whole labels: {@code https://*.example.com} takes {@code https://a.example.com} but never
 * {@code https://evilexample.com}, {@code http://a.example.com} or {@code https://a.example.com:8443}.
 */
final class OriginAllowList implements OriginPredicate {

    private static final String WILDCARD = "https://*.";
    private static final Pattern LABELS = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+");

    private final Set<Origin> exact;
    private final Set<String> anyPortSchemes;
    private final Set<String> subdomainsOf;

    OriginAllowList(Set<String> origins) {
        this.exact = Set.copyOf(origins.stream()
                .filter(o -> !o.endsWith(":*") && !o.startsWith(WILDCARD))
                .map(Origin::new)
                .toList());
        this.anyPortSchemes = Set.copyOf(origins.stream()
                .filter(o -> o.endsWith(":*"))
                .map(o -> o.substring(0, o.indexOf(':')))
                .toList());
        this.subdomainsOf = Set.copyOf(origins.stream()
                .filter(o -> o.startsWith(WILDCARD))
                .map(o -> o.substring(WILDCARD.length()))
                .toList());
    }

    @Override
    public boolean test(Origin origin) {
        if (origin == null) {
            return false;
        }
        if (exact.contains(origin)) {
            return true;
        }
        if ("localhost".equals(origin.getHost()) && anyPortSchemes.contains(origin.getScheme())) {
            return true;
        }
        return !subdomainsOf.isEmpty() && isAllowedSubdomain(origin);
    }

    private boolean isAllowedSubdomain(Origin origin) {
        String host = origin.getHost();
        Integer port = origin.getPort();
        if (!"https".equals(origin.getScheme()) || host == null || (port != null && port != 443)) {
            return false;
        }
        // webauthn4j gives an https origin without a port as port 443, and ":443" is the same origin.
        for (String domain : subdomainsOf) {
            if (host.endsWith("." + domain)) {
                String labels = host.substring(0, host.length() - domain.length());
                if (LABELS.matcher(labels).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
