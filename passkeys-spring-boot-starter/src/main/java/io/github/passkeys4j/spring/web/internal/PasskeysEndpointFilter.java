package io.github.passkeys4j.spring.web.internal;

import io.github.passkeys4j.spring.internal.ChainCoverage;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestFilter;
import io.github.passkeys4j.spring.internal.StorageFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfToken;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guards the passkey endpoints before Spring Security sees them. It caps request bodies (a declared Content-Length
 * above the limit is refused at once, a body without one stops being read at the limit; either way 413), and it turns
 * every {@code sendError} below the base path (a missing CSRF token, a wrong method, a path Spring Security's firewall
 * rejects) and every uncaught exception into an RFC 9457 problem body instead of the app's HTML error page.
 * Malformed URLs that Tomcat itself refuses (a bad {@code %} escape, an encoded slash) never reach a filter.
 */
public final class PasskeysEndpointFilter extends RequestFilter {

    private static final Log log = LogFactory.getLog(PasskeysEndpointFilter.class);

    private final long maxBytes;
    private final PasskeysMessages messages;
    private final ChainCoverage coverage;

    public PasskeysEndpointFilter(long maxBytes, PasskeysMessages messages, String basePath) {
        this.maxBytes = maxBytes;
        this.messages = messages;
        this.coverage = new ChainCoverage(basePath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), new ProblemOnError(request, response));
            coverage.check(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (causedByLimit(e)) {
                response.reset();
                tooLarge(request, response);
                return;
            }
            if (e instanceof IOException) {
                throw e; // the connection broke: nobody is left to answer
            }
            // Every error under the base path is a problem body: the stack trace goes to the log, not the client.
            response.reset();
            coverage.check(request, response);
            ProblemDetail problem = unhandled(request, e);
            if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                response.setHeader("Retry-After", "5");
            }
            Problems.write(request, response, problem, messages);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(
                request,
                response,
                Problems.of(HttpStatus.CONTENT_TOO_LARGE, new LimitExceededException(maxBytes).getMessage()),
                messages);
    }

    /**
     * Security exceptions that no chain translated (no chain covers the base path), a storage outage as 503, else a
     * logged 500.
     */
    private static ProblemDetail unhandled(HttpServletRequest request, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return Problems.of(HttpStatus.UNAUTHORIZED, Problems.NOT_SIGNED_IN);
            }
            if (t instanceof AccessDeniedException) {
                return Problems.of(HttpStatus.FORBIDDEN, "Access denied (Spring Security's AccessDeniedException).");
            }
        }
        if (StorageFailures.isUnavailable(e)) {
            // Logged without the trace: the database's own log says why; this says which request it cost.
            log.warn("Passkey endpoint " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503: storage unavailable (" + StorageFailures.summary(e) + ")");
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.STORAGE_UNAVAILABLE_DETAIL);
        }
        log.error("Passkey endpoint " + request.getMethod() + " " + request.getRequestURI() + " failed", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete this request: the exception is in the server log.");
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException) {
                return true;
            }
        }
        return false;
    }

    /** Answers {@code sendError} with a problem body, so JSON clients never get an HTML page or a redirect. */
    private final class ProblemOnError extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        ProblemOnError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status);
                return;
            }
            if (isPageVisit(request)) {
                // A person opening the passkeys page (refused by the app's rules, say): the app's own error page.
                super.sendError(status, message);
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            HttpStatus known = resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
            CsrfTokenSent csrf = known == HttpStatus.FORBIDDEN ? CsrfTokenSent.of(request) : CsrfTokenSent.NOT_NEEDED;
            String detail = switch (known) {
                case UNAUTHORIZED -> Problems.NOT_SIGNED_IN;
                case FORBIDDEN ->
                    switch (csrf) {
                        case MISSING -> missingCsrfToken(request);
                        case SENT ->
                            "Refused by Spring Security: either the CSRF token sent is not this session's (the"
                                    + " session changed, say signed in or out in another tab: reload the page for a"
                                    + " new token), or the app's authorization rules refuse this request.";
                        case NOT_NEEDED -> "Refused by the app's authorization rules.";
                    };
                case BAD_REQUEST ->
                    "The request was refused before it was read: its URL or headers are malformed (Spring Security's"
                            + " firewall refuses, say, a ';', '//' or an encoded '.' in the path).";
                case NOT_FOUND -> "No such endpoint or resource under the passkeys base path.";
                case METHOD_NOT_ALLOWED -> "This endpoint does not accept HTTP method " + request.getMethod() + ".";
                default -> known.getReasonPhrase() + ".";
            };
            ProblemDetail problem = Problems.of(known, detail);
            if (csrf == CsrfTokenSent.MISSING) {
                problem.setProperty("reason", "CSRF_TOKEN_INVALID");
            }
            resetBuffer();
            Problems.write(request, (HttpServletResponse) getResponse(), problem, messages);
            flushBuffer();
        }
    }

    /** When the last WARN of a missing token was logged (nanoTime); one an hour, so a scanner cannot use it up. */
    private final AtomicLong lastMissingCsrfWarning =
            new AtomicLong(System.nanoTime() - Duration.ofHours(2).toNanos());

    /** Missing, not stale: the page lacks the meta tags passkeys.js reads, a set-up mistake (a WARN, one an hour). */
    private String missingCsrfToken(HttpServletRequest request) {
        String detail = "The request has no CSRF token: the page needs the meta tags named _csrf and _csrf_header,"
                + " with Spring Security's token and header name (passkeys.js sends the token from there), or send it"
                + " in that header yourself.";
        long last = lastMissingCsrfWarning.get();
        long now = System.nanoTime();
        if (now - last > Duration.ofHours(1).toNanos() && lastMissingCsrfWarning.compareAndSet(last, now)) {
            log.warn("Passkeys for Java: " + request.getMethod() + " " + request.getRequestURI() + " came without a"
                    + " CSRF token (logged at most once an hour). " + detail);
        }
        return detail;
    }

    /** A browser navigating to a page (GET, HTML first in Accept), not a script calling the API. */
    static boolean isPageVisit(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null
                && accept.startsWith("text/html");
    }

    /**
     * Whether a refused request carried Spring Security's CSRF token. Spring answers a missing token, a stale one and
     * the app's rules alike with a bare 403; only a missing one can be told for sure.
     */
    private enum CsrfTokenSent {
        NOT_NEEDED,
        MISSING,
        SENT;

        static CsrfTokenSent of(HttpServletRequest request) {
            if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)
                    || List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())) {
                return NOT_NEEDED;
            }
            return request.getHeader(token.getHeaderName()) == null
                            && request.getParameter(token.getParameterName()) == null
                    ? MISSING
                    : SENT;
        }
    }

    static final class LimitExceededException extends IOException {
        LimitExceededException(long maxBytes) {
            super("The request body is too large: the limit is " + maxBytes
                    + " bytes (see passkeys.max-request-size).");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws LimitExceededException {
            read += n;
            if (read > maxBytes) {
                throw new LimitExceededException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
