package io.github.passkeys4j.sample;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (i) Two first registrations of one account at once (two signed-in sessions, both options fetched before either
 * finishes, both finishes released together): no 500, the account ends up with one user handle, and every passkey
 * stored belongs to it. Repeated (a race does not show every time): each round is a new account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentFirstRegistrationHttpTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(10)
    void twoFirstRegistrationsAtOnceGiveOneAccount() throws Exception {
        String username = "race-" + UUID.randomUUID().toString().substring(0, 8);
        new SampleHttp(port).signUp(username, PASSWORD);
        List<SampleHttp> sessions = List.of(
                new SampleHttp(port).signedIn(username, PASSWORD), new SampleHttp(port).signedIn(username, PASSWORD));
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

        List<String> bodies = new ArrayList<>();
        List<SampleHttp.Csrf> tokens = new ArrayList<>();
        for (SampleHttp session : sessions) {
            SampleHttp.Csrf csrf = session.csrfOf("/");
            HttpResponse<String> options = session.json("POST", "/passkeys/registration/options", "{}", csrf);
            assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
            String credential =
                    authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), session.origin());
            bodies.add("{\"credential\": " + credential + "}");
            tokens.add(csrf);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> answers;
        try {
            List<CompletableFuture<HttpResponse<String>>> finishes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                finishes.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return sessions.get(n).json("POST", "/passkeys/registration", bodies.get(n), tokens.get(n));
                        },
                        pool));
            }
            start.countDown();
            answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> finish : finishes) {
                answers.add(finish.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        for (HttpResponse<String> answer : answers) {
            // The loser may be refused (409 already registered, 401 challenge mismatch, ...), with a problem body.
            assertThat(answer.statusCode())
                    .as("a finished registration: %s", answer.body())
                    .isBetween(200, 499);
            if (answer.statusCode() != 201) {
                assertThat(SampleHttp.body(answer).path("reason").asString())
                        .as(answer.body())
                        .isNotBlank();
            }
        }
        long created = answers.stream().filter(a -> a.statusCode() == 201).count();
        assertThat(created).as("at least one registration succeeds").isPositive();

        PasskeyTables tables = new PasskeyTables(jdbc);
        List<String> offeredHandles = authenticator.credentials().stream()
                .map(SoftwareAuthenticator.Credential::userHandle)
                .distinct()
                .toList();
        List<String> storedUsers = tables.passkeyUsersAmong(offeredHandles);
        assertThat(storedUsers)
                .as("passkeys_user rows for the account (user handles offered: %s)", offeredHandles)
                .hasSize(1);
        List<String> credentialIds = authenticator.credentials().stream()
                .map(SoftwareAuthenticator.Credential::credentialId)
                .toList();
        assertThat(tables.userHandlesOf(credentialIds))
                .as("every stored passkey belongs to the account's handle")
                .containsExactlyElementsOf(storedUsers);
        assertThat(tables.passkeysOfUserHandle(storedUsers.get(0))).isEqualTo(created);
        HttpResponse<String> list = sessions.get(0).get("/passkeys/credentials");
        assertThat(SampleHttp.body(list)).as(list.body()).hasSize((int) created);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
