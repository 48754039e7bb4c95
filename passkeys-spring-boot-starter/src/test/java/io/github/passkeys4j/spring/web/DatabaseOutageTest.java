package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.dbnodes.NodeApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static io.github.passkeys4j.spring.web.PasskeyEndpointsTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real PostgreSQL server stopped mid-run ({@code scripts/postgres.sh crash}: {@code pg_ctl -m immediate}, every
 * connection cut) under a running app: the ceremony and management endpoints answer 503 problems within the pool's
 * connection timeout, nothing is half-written, and once the server is started again sign-in works with no restart.
 * It needs the server {@code scripts/postgres.sh} runs (it stops and starts it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** What a loaded CI machine may add to the timeout before an answer is late. */
    private static final Duration SLACK = Duration.ofSeconds(4);

    private ConfigurableApplicationContext node;
    private int port;

    @BeforeAll
    void startNode() {
        if (postgres("status") != 0) {
            fail("This test stops and restarts the PostgreSQL server of scripts/postgres.sh, which is not running:"
                    + " run 'eval \"$(scripts/postgres.sh)\"' in the repository root first.");
        }
        PostgresForTests.emptyTables();
        Map<String, Object> properties = new HashMap<>(PostgresForTests.properties());
        properties.put("spring.datasource.hikari.connection-timeout", CONNECTION_TIMEOUT.toMillis());
        properties.put("passkeys.jdbc.query-timeout", "2s");
        // The test server runs with synchronous_commit=off (scripts/postgres.sh), so a crash may lose the last
        // commits; the app's own commits wait for the WAL here, as on a real server, or what was registered just
        // before the outage may be gone after it (seen in full runs: 401 UNKNOWN_CREDENTIAL until the deadline).
        properties.put("spring.datasource.hikari.connection-init-sql", "SET synchronous_commit = on");
        node = NodeApplication.start(properties);
        port = NodeApplication.port(node);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
        postgres("start");
    }

    @Test
    void anOutageAnswers503InTimeAndTheAppRecoversByItself() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        HttpSession owner = new HttpSession(port);
        assertThat(owner.signInWithPassword("user-1", "pw").statusCode()).isEqualTo(302);
        assertThat(register(owner, phone).statusCode()).isEqualTo(201);
        HttpSession signedIn = new HttpSession(port);
        assertThat(signIn(signedIn, phone, new Tamper()).statusCode()).isEqualTo(200);
        // Made before the outage, sent during it.
        HttpSession signingIn = new HttpSession(port);
        String assertion = phone.authenticate(
                SoftwareAuthenticator.requestOptions(
                        signingIn.post("/passkeys/authentication/options", "{}").body()),
                signingIn.origin());
        String lateRegistration = registrationBody(owner, new SoftwareAuthenticator());

        assertThat(postgres("crash")).isZero();
        try {
            assertUnavailable(() -> signingIn.post("/passkeys/authentication", assertion));
            assertUnavailable(() -> owner.post("/passkeys/registration", lateRegistration));
            assertUnavailable(() -> owner.post("/passkeys/registration/options", "{}"));
            assertUnavailable(() -> owner.get("/passkeys/credentials"));
            // A passkey session's app page: whether its passkey was revoked cannot be checked, so 503, not 500.
            assertUnavailable(() -> signedIn.send(
                    HttpRequest.newBuilder(URI.create(signedIn.url("/whoami"))).header("Accept", "application/json")));
            HttpResponse<String> page = signedIn.send(
                    HttpRequest.newBuilder(URI.create(signedIn.url("/whoami"))).header("Accept", "text/html"));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).doesNotContain("Exception", "jdbc", "postgres", "at org.");
        } finally {
            assertThat(postgres("start")).isZero();
        }

        long recoveredAfter = untilSignedIn(phone, Duration.ofSeconds(120));
        System.out.println("DatabaseOutageTest: sign-in worked again " + recoveredAfter + " ms after the restart");
        HttpResponse<String> list = owner.get("/passkeys/credentials");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).as("nothing half-written during the outage").hasSize(1);
        assertThat(signedIn.get("/whoami").statusCode())
                .as("the passkey session outlived the outage")
                .isEqualTo(200);
    }

    private void assertUnavailable(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).path("reason").asString()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(json(response).path("message").asString()).startsWith("Passkeys are unavailable for a moment.");
        assertThat(response.body()).doesNotContain("Exception", "jdbc", "postgres", "at org.");
        assertThat(took).isLessThanOrEqualTo(CONNECTION_TIMEOUT.plus(SLACK));
    }

    private long untilSignedIn(SoftwareAuthenticator phone, Duration patience) {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        while (true) {
            HttpSession session = new HttpSession(port);
            HttpResponse<String> options = session.post("/passkeys/authentication/options", "{}");
            if (options.statusCode() == 200) {
                String assertion =
                        phone.authenticate(SoftwareAuthenticator.requestOptions(options.body()), session.origin());
                if (session.post("/passkeys/authentication", assertion).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started).toMillis();
                }
            } else {
                assertThat(options.statusCode()).isEqualTo(503);
            }
            assertThat(System.nanoTime()).as("sign-in works again in time").isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> register(HttpSession session, SoftwareAuthenticator authenticator) {
        return session.post("/passkeys/registration", registrationBody(session, authenticator));
    }

    private static String registrationBody(HttpSession session, SoftwareAuthenticator authenticator) {
        HttpResponse<String> options = session.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        return "{\"credential\": "
                + authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), session.origin())
                + "}";
    }

    /** Runs scripts/postgres.sh with this command, with the environment of the build (its port and directory). */
    private static int postgres(String command) {
        Path script = Path.of("..", "scripts", "postgres.sh").toAbsolutePath().normalize();
        if (!Files.isExecutable(script)) {
            fail("scripts/postgres.sh not found at " + script);
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
