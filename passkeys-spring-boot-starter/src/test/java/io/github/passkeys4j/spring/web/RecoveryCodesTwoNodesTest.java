package io.github.passkeys4j.spring.web;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.dbnodes.NodeApplication;
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
 * Recovery codes on two app nodes (separate Spring contexts, each with its own pool) over one real PostgreSQL: one
 * code tried by many requests at once on both nodes lets exactly one in, wrong tries counted on either node lock the
 * account on both, and a burst of wrong tries at once gets no more guesses checked than the lockout allows. Needs {@code eval "$(scripts/postgres.sh)"}; never skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryCodesTwoNodesTest {

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
        JdbcTemplate jdbc = PostgresForTests.jdbc();
        jdbc.update("DELETE FROM passkeys_recovery_code");
        jdbc.update("DELETE FROM passkeys_recovery_attempt");
    }

    @AfterAll
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private RelyingParty relyingParty() {
        return nodeA.getBean(RelyingParty.class);
    }

    private HttpResponse<String> recover(int node, String username, String code) {
        return new HttpSession(ports[node])
                .post("/passkeys/recovery", "{\"username\": \"" + username + "\", \"code\": \"" + code + "\"}");
    }

    @Test
    void oneCodeTriedSixteenTimesAtOnceOnBothNodesLetsExactlyOneIn() throws Exception {
        String code = relyingParty().recoveryCodes().issue("user-1").get(0);
        List<Callable<HttpResponse<String>>> tries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int node = i % 2;
            tries.add(() -> recover(node, "user-1", code));
        }

        List<HttpResponse<String>> answers = race(tries);

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        // The others lost the race: a used code is a wrong try, so after five of them the account is locked too.
        assertThat(answers)
                .filteredOn(r -> r.statusCode() != 200)
                .hasSize(15)
                .allSatisfy(r ->
                        assertThat(json(r).path("reason").asString()).isIn("RECOVERY_CODE_INVALID", "RECOVERY_LOCKED"));
        assertThat(nodeB.getBean(RelyingParty.class).recoveryCodes().remaining("user-1"))
                .isEqualTo(9);
    }

    @Test
    void wrongTriesOnEitherNodeLockTheAccountOnBoth() {
        String code = relyingParty().recoveryCodes().issue("user-2").get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(recover(i % 2, "user-2", "0000-0000-0000").statusCode()).isEqualTo(401);
        }

        for (int node = 0; node < 2; node++) {
            HttpResponse<String> locked = recover(node, "user-2", code);
            assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
            assertThat(json(locked).path("reason").asString()).isEqualTo("RECOVERY_LOCKED");
        }
        assertThat(relyingParty().recoveryCodes().remaining("user-2")).isEqualTo(10);
        assertThat(recover(0, "user-3", code).statusCode())
                .as("other accounts are not locked")
                .isEqualTo(401);
    }

    @Test
    void aBurstOfWrongTriesOnBothNodesGetsExactlyFiveChecked() throws Exception {
        relyingParty().recoveryCodes().issue("user-4");
        List<Callable<HttpResponse<String>>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int node = i % 2;
            tries.add(() -> recover(node, "user-4", "0000-0000-0000"));
        }

        List<HttpResponse<String>> answers = race(tries);

        assertThat(answers).filteredOn(r -> r.statusCode() == 401).hasSize(5);
        assertThat(answers)
                .filteredOn(r -> r.statusCode() == 429)
                .hasSize(15)
                .allSatisfy(r -> assertThat(json(r).path("reason").asString()).isEqualTo("RECOVERY_LOCKED"));
    }

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
