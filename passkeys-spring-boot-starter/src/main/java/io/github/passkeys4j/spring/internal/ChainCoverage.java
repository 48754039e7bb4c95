package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices a request under the base path that no security filter chain with the passkey filters saw: the app's chains'
 * {@code securityMatcher}s leave the base path out, so passkeys cannot work (sign-in 404, the API 401 for a signed-in
 * user) and nothing else would say why. One of our filters marks the requests it sees; the endpoint filter, around
 * the whole chain, warns once when a request came back unmarked.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class ChainCoverage {

    private static final String SEEN = ChainCoverage.class.getName() + ".SEEN";
    private static final Log log = LogFactory.getLog(ChainCoverage.class);

    private final String basePath;
    private final AtomicBoolean warned = new AtomicBoolean();

    public ChainCoverage(String basePath) {
        this.basePath = basePath;
    }

    /** Called by a filter of the chain with the passkey filters, for requests under the base path. */
    public static void seen(HttpServletRequest request) {
        request.setAttribute(SEEN, Boolean.TRUE);
    }

    /**
     * Called after the request went through the app's filters; warns once per app, and only for the answers an
     * uncovered path gives (401, 404): a firewall's 400 or an https redirect comes before any chain in every app.
     */
    public void check(HttpServletRequest request, HttpServletResponse response) {
        int status = response.getStatus();
        if (request.getAttribute(SEEN) == null
                && (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_NOT_FOUND)
                && warned.compareAndSet(false, true)) {
            log.warn(request.getMethod() + " " + Printable.of(request.getRequestURI())
                    + " went through no security filter chain that"
                    + " has the passkey filters: no SecurityFilterChain's securityMatcher covers " + basePath + "/**,"
                    + " so passkey sign-in and the passkey pages cannot work. Add the path to a chain's securityMatcher"
                    + " (README: \"Your rules stay yours\"). Reported once.");
        }
    }
}
