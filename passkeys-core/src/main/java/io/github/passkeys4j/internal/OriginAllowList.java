package io.github.passkeys4j.internal;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.server.OriginPredicate;

import java.util.Set;

/** Exact origins, plus {@code http(s)://localhost:*} meaning any port of localhost. */
final class OriginAllowList implements OriginPredicate {

    private final Set<Origin> exact;
    private final Set<String> anyPortSchemes;

    OriginAllowList(Set<String> origins) {
        this.exact = Set.copyOf(
                origins.stream().filter(o -> !o.endsWith(":*")).map(Origin::new).toList());
        this.anyPortSchemes = Set.copyOf(origins.stream()
                .filter(o -> o.endsWith(":*"))
                .map(o -> o.substring(0, o.indexOf(':')))
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
        return "localhost".equals(origin.getHost()) && anyPortSchemes.contains(origin.getScheme());
    }
}
