package io.github.passkeys4j.demo.nodes;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two demo nodes (separate JVMs, different ports) on one real PostgreSQL for the passkeys, with their sessions in a
 * shared Spring Session store that each subclass names: a passkey sign-in started on one node finishes on the other,
 * the session answers on both, an assertion is good for one sign-in across both nodes, and anonymous sign-in options
 * write nothing and create no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoNodesTest {

    static final int OPTIONS_REQUESTS = 10_000;

    DemoNode a;
    DemoNode b;

    /** {@code session-jdbc} or {@code session-redis}. */
    abstract String sessionProfile();

    /** Extra arguments for both nodes (the session store's address). */
    abstract List<String> sessionArguments();

    /** How many sessions the shared store holds. */
    abstract long sessions();

    @BeforeAll
    void startNodes() {
        List<String> arguments = new ArrayList<>(NodeDatabase.arguments());
        arguments.addAll(sessionArguments());
        // One after the other: both run the idempotent schema scripts at start-up.
        a = DemoNode.start(getClass().getSimpleName() + "-a", "postgres," + sessionProfile(), arguments);
        b = DemoNode.start(getClass().getSimpleName() + "-b", "postgres," + sessionProfile(), arguments);
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aPasskeyAddedOnASignsInWithOptionsFromAAndTheFinishOnB() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        String username = signUpWithPasskey(phone);

        Visitor browser = new Visitor();
        String assertion = browser.assertion(a, phone);
        HttpResponse<String> signedIn = browser.finishSignIn(b, assertion);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(browser.me(a)).isEqualTo(username);
        assertThat(browser.me(b)).isEqualTo(username);
        assertThat(Visitor.JSON
                        .readTree(browser.get(b, "/me").body())
                        .path("authenticatedWith")
                        .asString())
                .containsIgnoringCase("passkey");
    }

    @Test
    void theSameAssertionReplayedOnEitherNodeIsRefused() {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        signUpWithPasskey(phone);
        Visitor browser = new Visitor();
        String assertion = browser.assertion(b, phone);
        assertThat(browser.finishSignIn(a, assertion).statusCode()).isEqualTo(200);

        for (DemoNode node : List.of(a, b)) {
            HttpResponse<String> replayed = browser.finishSignIn(node, assertion);
            assertThat(replayed.statusCode()).as(node.name()).isEqualTo(401);
            assertThat(Visitor.JSON.readTree(replayed.body()).path("reason").asString())
                    .isEqualTo("CHALLENGE_UNKNOWN");
        }
    }

    @Test
    void thirtyTwoConcurrentFinishesOfOneAssertionAcrossBothNodesSignInOnce() throws Exception {
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        String username = signUpWithPasskey(phone);
        Visitor browser = new Visitor();
        String assertion = browser.assertion(a, phone);
        Visitor.Csrf csrf = browser.csrf(a, "/login");

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Visitor> copies = new ArrayList<>();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 32; i++) {
                DemoNode node = i % 2 == 0 ? a : b;
                Visitor copy = browser.copy();
                copies.add(copy);
                answers.add(pool.submit(() -> {
                    go.await();
                    return copy.postJson(node, "/passkeys/authentication", assertion, csrf);
                }));
            }
            go.countDown();
            Visitor winner = null;
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> response = answers.get(i).get(120, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    assertThat(winner).as("a second sign-in with one assertion").isNull();
                    winner = copies.get(i);
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                    // The challenge was used (the last check), or, for a copy that read the passkey after the
                    // winner recorded its use, the signature counter did not move on (checked while verifying).
                    assertThat(Visitor.JSON
                                    .readTree(response.body())
                                    .path("reason")
                                    .asString())
                            .isIn("CHALLENGE_UNKNOWN", "SIGN_COUNTER_REGRESSED");
                }
            }
            assertThat(winner).as("exactly one of 32 finishes signs in").isNotNull();
            assertThat(winner.me(b)).isEqualTo(username);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandAnonymousSignInOptionsWriteNothingCreateNoSessionAndKeepTheHeapFlat() throws Exception {
        Visitor admin = new Visitor(); // signed in, to read the nodes' heap through /actuator/metrics
        admin.signUpAndSignIn(uniqueUsername(), a, a);
        loadOptions(1_000); // warm-up: JIT, pools, the current challenge key
        long heapA = Heap.afterGc(a, admin);
        long heapB = Heap.afterGc(b, admin);
        Map<String, Long> rows = NodeDatabase.passkeysRows();
        long sessions = sessions();
        assertThat(sessions).as("the signed-in session is in the shared store").isPositive();
        assertThat(rows).containsKeys("passkeys_credential", "passkeys_spent_challenge", "passkeys_pending_ceremony");

        long started = System.nanoTime();
        loadOptions(OPTIONS_REQUESTS);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(NodeDatabase.passkeysRows()).as("passkeys_* rows").isEqualTo(rows);
        assertThat(sessions()).as("sessions").isEqualTo(sessions);
        long growthA = Heap.afterGc(a, admin) - heapA;
        long growthB = Heap.afterGc(b, admin) - heapB;
        System.out.printf(
                "%s: %d sign-in options in %d ms; heap after GC grew by %d KB (A) and %d KB (B)%n",
                getClass().getSimpleName(), OPTIONS_REQUESTS, millis, growthA / 1024, growthB / 1024);
        assertThat(growthA).as("heap growth on A").isLessThan(24L * 1024 * 1024);
        assertThat(growthB).as("heap growth on B").isLessThan(24L * 1024 * 1024);
    }

    /** {@code count} options requests from 100 fresh visitors (each loads the login page once), on both nodes. */
    private void loadOptions(int count) throws Exception {
        int visitors = 100;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int v = 0; v < visitors; v++) {
                DemoNode home = v % 2 == 0 ? a : b;
                done.add(pool.submit(() -> {
                    Visitor visitor = new Visitor();
                    Visitor.Csrf csrf = visitor.csrf(home, "/login");
                    for (int i = 0; i < count / visitors; i++) {
                        HttpResponse<String> options = visitor.signInOptions(i % 2 == 0 ? a : b, csrf);
                        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new account: password sign-up on A, signed in on B, a passkey added on A. */
    private String signUpWithPasskey(SoftwareAuthenticator authenticator) {
        String username = uniqueUsername();
        Visitor owner = new Visitor();
        owner.signUpAndSignIn(username, a, b);
        owner.registerPasskey(a, authenticator, "Phone");
        return username;
    }

    static String uniqueUsername() {
        return "node-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
