package io.github.passkeys4j.demo.nodes;

import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two demo nodes (sessions in Spring Session JDBC) under load from eight users who add passkeys and sign in with
 * them, options on one node and the finish on either; node B is killed with SIGKILL mid-load. Node A keeps serving;
 * afterwards every passkey acknowledged (201) is stored exactly as it was when acknowledged, signs in, and lands in
 * its own account; no sign-in during the load landed in another account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeKilledUnderLoadTest {

    private static final int USERS = 8;
    private static final int PASSKEYS_PER_USER = 12;
    private static final String STORED = "SELECT user_handle, public_key, aaguid, transports, backup_eligible,"
            + " created_at, name FROM passkeys_credential WHERE credential_id = ?";

    private DemoNode a;
    private DemoNode b;

    /** An acknowledged passkey: whose it is, the authenticator holding it, and its row when acknowledged. */
    private record Acknowledged(String username, SoftwareAuthenticator authenticator, String row) {}

    @BeforeAll
    void startNodes() {
        a = DemoNode.start("killed-a", "postgres,session-jdbc", NodeDatabase.arguments());
        b = DemoNode.start("killed-b", "postgres,session-jdbc", NodeDatabase.arguments());
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        a.close();
        b.close();
    }

    @Test
    void killingANodeMidLoadLosesNothingAcknowledgedAndSignsNobodyIntoAnotherAccount() throws Exception {
        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger servedByAAfterKill = new AtomicInteger();
        AtomicInteger signIns = new AtomicInteger();
        AtomicInteger wrongAccount = new AtomicInteger();
        AtomicInteger lostToTheKill = new AtomicInteger();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Future<?>> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(pool.submit(() -> {
                String username = TwoNodesTest.uniqueUsername();
                Visitor owner = new Visitor();
                owner.signUpAndSignIn(username, a, a);
                List<Acknowledged> mine = new ArrayList<>();
                while (mine.size() < PASSKEYS_PER_USER) {
                    boolean afterKill = killed.get();
                    DemoNode first = pick();
                    DemoNode second = pick();
                    try {
                        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
                        String id = register(owner, first, second, authenticator, unexpected);
                        if (id != null) {
                            Acknowledged ack = new Acknowledged(username, authenticator, row(id));
                            acknowledged.put(id, ack);
                            mine.add(ack);
                        }
                        Acknowledged some = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                        Visitor browser = new Visitor();
                        HttpResponse<String> signedIn =
                                browser.finishSignIn(second, browser.assertion(first, some.authenticator()));
                        if (signedIn.statusCode() != 200) {
                            unexpected.add("sign-in " + signedIn.statusCode() + " " + signedIn.body());
                        } else {
                            signIns.incrementAndGet();
                            if (!username.equals(browser.me(first))) {
                                wrongAccount.incrementAndGet();
                            }
                        }
                        if (afterKill && first == a && second == a) {
                            servedByAAfterKill.incrementAndGet();
                        }
                    } catch (UncheckedIOException nodeGone) {
                        // B was killed under this request: it was never acknowledged; go on with A.
                        lostToTheKill.incrementAndGet();
                    } catch (IndexOutOfBoundsException noPasskeyYet) {
                        // The first registration went to the killed node: try again.
                    }
                }
                return null;
            }));
        }
        try {
            while (acknowledged.size() < USERS * PASSKEYS_PER_USER / 3) {
                Thread.sleep(50);
            }
            b.kill();
            killed.set(true);
            assertThat(b.isAlive()).isFalse();
            for (Future<?> user : users) {
                user.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.printf(
                "NodeKilledUnderLoadTest: %d passkeys acknowledged, %d sign-ins, %d requests lost to the kill, %d"
                        + " operations served by A alone after it%n",
                acknowledged.size(), signIns.get(), lostToTheKill.get(), servedByAAfterKill.get());
        assertThat(unexpected).as("answers other than 200/201").isEmpty();
        assertThat(wrongAccount).as("sign-ins into another account").hasValue(0);
        assertThat(servedByAAfterKill.get())
                .as("A kept serving after B was killed")
                .isPositive();
        assertThat(acknowledged).hasSize(USERS * PASSKEYS_PER_USER);
        for (Map.Entry<String, Acknowledged> passkey : acknowledged.entrySet()) {
            assertThat(row(passkey.getKey()))
                    .as("stored row of %s", passkey.getKey())
                    .isEqualTo(passkey.getValue().row());
            Visitor browser = new Visitor();
            HttpResponse<String> signedIn = browser.finishSignIn(
                    a, browser.assertion(a, passkey.getValue().authenticator()));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            assertThat(browser.me(a)).isEqualTo(passkey.getValue().username());
        }
    }

    /** After the kill, every request goes to A, as a load balancer's health check would route them. */
    private DemoNode pick() {
        return b.isAlive() && ThreadLocalRandom.current().nextBoolean() ? b : a;
    }

    /** Options from {@code first}, finish on {@code second}: the new passkey's id when acknowledged (201). */
    private static String register(
            Visitor owner,
            DemoNode first,
            DemoNode second,
            SoftwareAuthenticator authenticator,
            List<String> unexpected) {
        Visitor.Csrf csrf = owner.csrf(first, "/passkeys/manage");
        HttpResponse<String> options = owner.postJson(first, "/passkeys/registration/options", "{}", csrf);
        if (options.statusCode() != 200) {
            unexpected.add(options.statusCode() + " " + options.body());
            return null;
        }
        String credential =
                authenticator.register(SoftwareAuthenticator.creationOptions(options.body()), first.origin());
        HttpResponse<String> created = owner.postJson(
                second, "/passkeys/registration", "{\"credential\": " + credential + ", \"name\": \"Key\"}", csrf);
        if (created.statusCode() != 201) {
            unexpected.add(created.statusCode() + " " + created.body());
            return null;
        }
        return Visitor.JSON.readTree(created.body()).path("id").asString();
    }

    /** The passkey's stored row, without what a sign-in updates (counter, last use). */
    private static String row(String credentialId) {
        try (Connection db = NodeDatabase.connect();
                PreparedStatement select = db.prepareStatement(STORED)) {
            select.setString(1, credentialId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next())
                        .as("row of acknowledged passkey %s", credentialId)
                        .isTrue();
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.append(rs.getString(column)).append('|');
                }
                return row.toString();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
