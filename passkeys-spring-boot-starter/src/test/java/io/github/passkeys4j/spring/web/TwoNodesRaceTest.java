package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.dbnodes.NodeApplication;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.github.passkeys4j.spring.web.HttpSession.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes in this JVM, each on its own port, sharing one real PostgreSQL server, driven over real HTTP by
 * racing threads: the per-account passkey limit and the last-way-in guard hold across nodes, because the checks and
 * the writes run under a row lock on the account in the database (not in either node's memory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesRaceTest {

    private static final int LIMIT = 20;

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int[] ports;

    @BeforeAll
    void startTwoNodes() {
        PostgresForTests.emptyTables();
        Map<String, Object> database = PostgresForTests.properties();
        nodeA = NodeApplication.start(database);
        nodeB = NodeApplication.start(database);
        ports = new int[] {NodeApplication.port(nodeA), NodeApplication.port(nodeB)};
    }

    @AfterAll
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void sixtyFourRegistrationsForOneAccountAcrossBothNodesStoreExactlyTheLimit() throws Exception {
        HttpSession first = signedIn(0, "user-0");
        assertThat(first.post("/passkeys/registration", credential(first)).statusCode())
                .isEqualTo(201);
        List<Callable<HttpResponse<String>>> finishes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            // Options from one node, the finish on the other.
            String body = credential(signedIn(i % 2, "user-0"));
            HttpSession finisher = signedIn((i + 1) % 2, "user-0");
            finishes.add(() -> finisher.post("/passkeys/registration", body));
        }

        List<HttpResponse<String>> responses = race(finishes);

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(LIMIT - 1);
        assertThat(responses)
                .filteredOn(r -> r.statusCode() != 201)
                .hasSize(64 - (LIMIT - 1))
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(json(r).path("reason").asString()).isEqualTo("TOO_MANY_PASSKEYS");
                });
        assertThat(countPasskeys("user-0", false)).isEqualTo(LIMIT);
    }

    @Test
    void sixtyDeleteDisablePairsAcrossBothNodesLeaveEveryAccountAnEnabledPasskey() throws Exception {
        List<Callable<HttpResponse<String>>> work = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int pair = 0; pair < 60; pair++) {
            String account = "user-" + (pair + 10);
            accounts.add(account);
            HttpSession onA = signedIn(0, account);
            String firstId = registered(onA);
            String secondId = registered(onA);
            HttpSession onB = signedIn(1, account);
            work.add(() -> onA.delete("/passkeys/credentials/" + firstId));
            work.add(() -> onB.patch("/passkeys/credentials/" + secondId, "{\"enabled\": false}"));
        }

        List<HttpResponse<String>> responses = race(work);

        assertThat(responses).filteredOn(r -> r.statusCode() / 100 == 2).hasSize(60);
        assertThat(responses)
                .filteredOn(r -> r.statusCode() / 100 != 2)
                .hasSize(60)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(json(r).path("reason").asString()).isEqualTo("LAST_SIGN_IN_METHOD");
                });
        for (String account : accounts) {
            assertThat(countPasskeys(account, true)).as(account).isEqualTo(1);
        }
    }

    private HttpSession signedIn(int node, String username) {
        HttpSession session = new HttpSession(ports[node]);
        assertThat(session.signInWithPassword(username, "pw").statusCode()).isEqualTo(302);
        return session;
    }

    /** A registration response (from a new authenticator) to options this session's node started. */
    private static String credential(HttpSession session) {
        HttpResponse<String> options = session.post("/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        return "{\"credential\": "
                + new SoftwareAuthenticator()
                        .register(SoftwareAuthenticator.creationOptions(options.body()), session.origin())
                + "}";
    }

    private static String registered(HttpSession session) {
        HttpResponse<String> created = session.post("/passkeys/registration", credential(session));
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private int countPasskeys(String account, boolean enabledOnly) {
        return new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class))
                .queryForObject(
                        "SELECT COUNT(*) FROM passkeys_credential c JOIN passkeys_user u ON u.user_handle ="
                                + " c.user_handle WHERE u.account_id = ?" + (enabledOnly ? " AND c.enabled" : ""),
                        Integer.class,
                        account);
    }

    /** Every call at once, a thread each, released together. */
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
