package io.github.passkeys4j.example.jdk;

import com.sun.net.httpserver.HttpExchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a random cookie names a {@link Session}, which holds its CSRF token, the signed-in account (if
 * any) and a sign-up waiting for its passkey. A session idle for {@link #IDLE} is forgotten.
 */
final class Sessions {

    static final String COOKIE = "SID";
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    static final class Session {
        final String id = randomToken();
        final String csrfToken = randomToken();
        volatile String accountId;
        /** The username a sign-up was started for (its options' challenge is sealed over it). */
        volatile String signUpUsername;

        volatile Instant lastSeen = Instant.now();

        boolean csrfMatches(String token) {
            return token != null
                    && MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8), csrfToken.getBytes(StandardCharsets.UTF_8));
        }
    }

    Optional<Session> find(HttpExchange exchange) {
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies.split(";")) {
            String[] nameValue = cookie.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equals(COOKIE)) {
                Session session = sessions.get(nameValue[1]);
                if (session != null && session.lastSeen.plus(IDLE).isAfter(Instant.now())) {
                    session.lastSeen = Instant.now();
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A fresh session (new id, new CSRF token) whose cookie goes out with this answer. Served over HTTPS, the cookie
     * gets {@code Secure} too; this example runs on http://localhost.
     */
    Session create(HttpExchange exchange) {
        Instant now = Instant.now();
        sessions.values().removeIf(s -> s.lastSeen.plus(IDLE).isBefore(now));
        Session session = new Session();
        sessions.put(session.id, session);
        exchange.getResponseHeaders()
                .add("Set-Cookie", COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict");
        return session;
    }

    void remove(Session session) {
        sessions.remove(session.id);
    }

    void expireCookie(HttpExchange exchange) {
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
