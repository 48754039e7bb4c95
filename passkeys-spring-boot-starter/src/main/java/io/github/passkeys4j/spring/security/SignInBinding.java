package io.github.passkeys4j.spring.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Binds a username-less sign-in's sealed challenge to the browser that asked for it: a random value in an HttpOnly,
 * SameSite=Strict cookie ({@code __Host-} prefixed and Secure from an https page, also behind a proxy that ends TLS),
 * whose hash the challenge's MAC covers. The browser keeps one value for all its tabs (reused while it lasts), so two
 * tabs' sign-ins do not undo each other. Nothing is stored on the server.
 */
final class SignInBinding {

    static final String COOKIE = "passkeys-signin";
    static final String SECURE_COOKIE = "__Host-passkeys-signin";
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInBinding() {}

    /** The browser's binding value, or a new one; not yet sent (see {@link #send}). */
    static String forRequest(HttpServletRequest request) {
        String existing = read(request);
        if (existing != null) {
            return existing;
        }
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** Sets (or refreshes) the cookie so it outlives the ceremony it binds. */
    static void send(HttpServletRequest request, HttpServletResponse response, String value, Duration ceremony) {
        ResponseCookie cookie = ResponseCookie.from(name(request), value)
                .httpOnly(true)
                .secure(secure(request))
                .path("/")
                .sameSite("Strict")
                .maxAge(ceremony.plusMinutes(1))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The binding value the browser sent, if well formed. */
    static @Nullable String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = name(request);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())
                    && VALUE.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String name(HttpServletRequest request) {
        // The __Host- prefix needs Secure, which a browser keeps only from a secure page (localhost aside).
        return secure(request) ? SECURE_COOKIE : COOKIE;
    }

    /**
     * Whether the browser is on an https page: the request came over TLS, or (behind a proxy that ends TLS and does
     * not say so, so the app sees plain HTTP) the {@code Origin} the browser sends with every POST is https. Options,
     * sign-up and finish are POSTs from the same page, so they agree on the cookie's name.
     */
    private static boolean secure(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return request.isSecure() || (origin != null && origin.regionMatches(true, 0, "https://", 0, 8));
    }
}
