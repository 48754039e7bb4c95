package io.github.passkeys4j.example.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.SignUpAccounts;
import io.github.passkeys4j.example.jdk.Sessions.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A passkey-only site on the JDK's built-in HTTP server: sign up with a username and a passkey (no password), sign in
 * with the passkey alone, sign out. Run it with {@code mvn -q -pl passkeys-example-jdk -am compile exec:java}
 * ({@code -Dport=…}, default 8081) and open {@code http://localhost:8081}.
 *
 * <pre>
 * GET  /                the sign-up / sign-in page, or the signed-in page
 * POST /signup/options  {"username": …}            → creation options (W3C JSON)
 * POST /signup          PublicKeyCredential.toJSON() → 201 {"username": …}, signed in
 * POST /signin/options                              → request options (username-less)
 * POST /signin          PublicKeyCredential.toJSON() → 200 {"username": …}, signed in
 * POST /signout                                     → 204
 * </pre>
 *
 * Every POST needs the session's CSRF token in the {@code X-CSRF-Token} header (the page has it in a meta tag) and a
 * JSON body of at most 64 KiB. Refusals are RFC 9457 problems with a {@code reason}; no stack trace leaves the server.
 */
public final class ExampleServer {

    private static final Logger LOG = Logger.getLogger(ExampleServer.class.getName());

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Passkeys passkeys;
    private final Sessions sessions = new Sessions();
    /** The accounts: username → account id, and back. A real app has its users table. */
    private final Map<String, String> accountIds = new ConcurrentHashMap<>();

    private final Map<String, String> usernames = new ConcurrentHashMap<>();

    private ExampleServer(HttpServer server) {
        this.server = server;
        this.passkeys = new Passkeys("http://localhost:" + port());
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    public static void main(String[] args) throws IOException {
        ExampleServer example = start(Integer.getInteger("port", 8081));
        System.out.println("Passkeys example on http://localhost:" + example.port() + " (Ctrl+C stops it)");
    }

    /** Starts the example on {@code port} of the loopback address ({@code 0}: any free port). */
    public static ExampleServer start(int port) throws IOException {
        ExampleServer example =
                new ExampleServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        example.server.start();
        return example;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        threads.shutdown();
    }

    private void handle(HttpExchange exchange) {
        try {
            try {
                route(exchange);
            } catch (Problem problem) {
                Http.sendProblem(exchange, problem);
            } catch (PasskeyException refused) {
                Http.sendProblem(exchange, Passkeys.problem(refused));
            } catch (RuntimeException e) {
                LOG.log(
                        Level.SEVERE,
                        exchange.getRequestMethod() + " "
                                + exchange.getRequestURI().getPath() + " failed",
                        e);
                Http.sendProblem(
                        exchange, new Problem(500, "SERVER_ERROR", "The server could not complete this request."));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "the client went away", e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/" -> {
                allow(exchange, "GET");
                page(exchange);
            }
            case "/app.js" -> {
                allow(exchange, "GET");
                Http.sendPage(exchange, "text/javascript", resource("app.js"));
            }
            case "/signup/options", "/signup", "/signin/options", "/signin", "/signout" -> {
                allow(exchange, "POST");
                post(exchange, path, checkedSession(exchange), Http.readJson(exchange));
            }
            default -> throw new Problem(404, "NOT_FOUND", "Not found.");
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        Session session = sessions.find(exchange).orElseGet(() -> sessions.create(exchange));
        String account = session.accountId;
        String page = account == null
                ? resource("signed-out.html")
                : resource("signed-in.html").replace("{{username}}", escape(usernames.get(account)));
        Http.sendPage(exchange, "text/html", page.replace("{{csrf}}", session.csrfToken));
    }

    private void post(HttpExchange exchange, String path, Session session, String body) throws IOException {
        switch (path) {
            case "/signup/options" -> {
                String username = Http.tree(body).path("username").asString("").strip();
                if (!username.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
                    throw new Problem(
                            400,
                            "INVALID_USERNAME",
                            "A username is 1 to 64 letters, digits or . _ @ -, with no spaces.");
                }
                checkFree(username);
                session.signUpUsername = username;
                Http.sendJson(exchange, 200, passkeys.signUpOptions(username, session.id));
            }
            case "/signup" -> {
                String username = session.signUpUsername;
                if (username == null) {
                    throw new Problem(400, "CHALLENGE_UNKNOWN", "Start the sign-up again.");
                }
                signIn(exchange, session, passkeys.finishSignUp(body, username, session.id, new Accounts()), 201);
            }
            case "/signin/options" -> Http.sendJson(exchange, 200, passkeys.signInOptions(session.id));
            case "/signin" -> signIn(exchange, session, passkeys.finishSignIn(body, session.id), 200);
            case "/signout" -> {
                sessions.remove(session);
                sessions.expireCookie(exchange);
                Http.sendEmpty(exchange, 204);
            }
            default -> throw new IllegalStateException(path);
        }
    }

    /** A new session (new cookie, new CSRF token) for the signed-in account, so a planted session id is worthless. */
    private void signIn(HttpExchange exchange, Session old, String accountId, int status) throws IOException {
        sessions.remove(old);
        Session session = sessions.create(exchange);
        session.accountId = accountId;
        Http.sendJson(exchange, status, Map.of("username", usernames.get(accountId)));
    }

    private Session checkedSession(HttpExchange exchange) {
        Session session = sessions.find(exchange).orElse(null);
        if (session == null || !session.csrfMatches(exchange.getRequestHeaders().getFirst("X-CSRF-Token"))) {
            throw new Problem(
                    403,
                    "CSRF_TOKEN_INVALID",
                    "The CSRF token is missing or does not match this session: reload the page and try again.");
        }
        return session;
    }

    /** The app's accounts as the core's sign-up creates them: once the passkey is verified, one per username. */
    private final class Accounts implements SignUpAccounts {
        @Override
        public String create(String username, String displayName) {
            String accountId = UUID.randomUUID().toString();
            if (accountIds.putIfAbsent(username, accountId) != null) {
                throw new PasskeyException(
                        PasskeyException.Reason.USERNAME_TAKEN, taken(username).getMessage());
            }
            usernames.put(accountId, username);
            return accountId;
        }

        @Override
        public void remove(String accountId) {
            String username = usernames.remove(accountId);
            if (username != null) {
                accountIds.remove(username, accountId);
            }
        }
    }

    private void checkFree(String username) {
        if (accountIds.containsKey(username)) {
            throw taken(username);
        }
    }

    private static Problem taken(String username) {
        return new Problem(409, "USERNAME_TAKEN", "The username " + username + " is taken; sign in or pick another.");
    }

    private static void allow(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new Problem(405, "METHOD_NOT_ALLOWED", "This path answers " + method + " only.");
        }
    }

    private static String resource(String name) {
        try (InputStream in = ExampleServer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
