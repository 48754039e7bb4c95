package io.github.passkeys4j.spring.internal;

import io.github.passkeys4j.RelyingParty;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WARN, once per origin, when a page whose origin is not allowed asks for ceremony options. A site served at another
 * address than {@code passkeys.rp-id} and {@code passkeys.origins} say (forgotten in production, a proxy's public
 * name) otherwise fails in the browser only: with a wrong rp-id the browser refuses before anything reaches the server,
 * and the options request, which carries the page's {@code Origin}, is the only trace.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class OriginWarnings {

    private static final Log log = LogFactory.getLog(OriginWarnings.class);

    /** Bounds the log whoever sends the header: at most this many distinct origins are reported. */
    private static final int MAX_REPORTED = 32;

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private OriginWarnings() {}

    public static void check(HttpServletRequest request, RelyingParty relyingParty) {
        String origin = request.getHeader("Origin");
        if (origin == null
                || relyingParty.allowsOrigin(origin)
                || REPORTED.size() >= MAX_REPORTED
                || !REPORTED.add(origin)) {
            return;
        }
        log.warn("A page at " + Printable.of(origin)
                + " asked for passkey options, but that origin is not allowed (rp-id " + relyingParty.rpId()
                + ", origins " + new TreeSet<>(relyingParty.origins()) + "): its browser or this server will refuse"
                + " the passkey. If it is your site's address, set passkeys.rp-id and passkeys.origins to it (README:"
                + " \"Several origins\"); otherwise another site is calling yours. Reported once per origin.");
    }
}
