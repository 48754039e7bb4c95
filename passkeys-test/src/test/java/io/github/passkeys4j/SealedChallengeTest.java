package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.UsedChallengeStore;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import io.github.passkeys4j.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Username-less sign-in challenges are sealed: starting one stores nothing, finishing one is recorded once for all
 * nodes sharing the used-challenge store and the keys, and a sealed challenge works only unchanged, in time, in the
 * browser it was bound to.
 */
class SealedChallengeTest {

    private final TestClock clock = new TestClock(Fixture.START);
    private final CountingUsedChallenges used = new CountingUsedChallenges(clock);
    private final InMemoryChallengeKeys keys = new InMemoryChallengeKeys();
    private final InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
    private final InMemoryPasskeyUserRepository users = new InMemoryPasskeyUserRepository();
    private final CountingPendingCeremonyStore pending = new CountingPendingCeremonyStore(clock);
    private final RelyingParty nodeA = node();
    private final RelyingParty nodeB = node();
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

    private RelyingParty node() {
        return RelyingParty.builder(Fixture.RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .pendingCeremonies(pending)
                .usedChallenges(used)
                .challengeKeys(keys)
                .challengeKeyRotation(Duration.ofHours(1))
                .clock(clock)
                .build();
    }

    @Test
    void startingASignInStoresNothing() {
        register("alice");
        int saves = pending.saves.get();
        for (int i = 0; i < 1_000; i++) {
            nodeA.startAuthentication(StartAuthentication.discoverable().withBrowserBinding("browser-" + i));
        }
        assertThat(pending.saves).hasValue(saves);
        assertThat(used.marks).hasValue(0);
    }

    @Test
    void optionsFromOneNodeFinishOnAnotherOnceOnly() {
        Passkey alices = register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        assertThat(finish(nodeB, response, "browser").passkey().credentialId()).isEqualTo(alices.credentialId());

        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, "browser");
        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeB, response, "browser");
        assertThat(passkeys.findByCredentialId(alices.credentialId())
                        .orElseThrow()
                        .signCount())
                .isEqualTo(1);
    }

    @Test
    void aSignInThatPassesWritesItsChallengeOnceAndReadsNothingBefore() {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        finish(nodeA, response, "browser");

        assertThat(used.marks).hasValue(1);
        assertThat(used.reads)
                .as("no read before the write: the write alone decides")
                .hasValue(0);
    }

    @Test
    void aReplayIsToldAsAUsedChallengeNotAsACloneThoughItsCounterDidNotMove() {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);
        finish(nodeA, response, "browser");

        // The counter check refuses the replay first; the store then tells why.
        assertThatThrownBy(() -> finish(nodeB, response, "browser"))
                .isInstanceOfSatisfying(PasskeyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_UNKNOWN);
                    assertThat(e.getMessage()).contains("already used");
                });
        assertThat(used.reads).hasValue(1);
        assertThat(used.marks).as("a refusal records nothing").hasValue(1);
    }

    @Test
    void aReplayOfASyncedPasskeyRefusedByTheAppIsToldAsUsedNotAsTheAccountsState() {
        // Counter 0 throughout (as synced passkeys): no counter check stops the replay, the app's check does.
        SoftwareAuthenticator synced = new SoftwareAuthenticator(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER, 0, 0);
        nodeA.finishRegistration(FinishRegistration.of(
                "carol", synced.register(nodeA.startRegistration(StartRegistration.forUser("carol")), ORIGIN)));
        String response = synced.authenticate(start(nodeA, "browser"), ORIGIN);
        finish(nodeA, response, "browser");
        IllegalStateException locked = new IllegalStateException("account locked since");
        FinishAuthentication replay = new FinishAuthentication(response, account -> {
                    throw locked;
                })
                .withBrowserBinding("browser");

        assertThatThrownBy(() -> nodeB.finishAuthentication(replay))
                .isInstanceOfSatisfying(PasskeyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_UNKNOWN);
                    assertThat(e.getMessage()).contains("already used");
                    assertThat(e.getSuppressed())
                            .as("the first refusal, for the logs")
                            .containsExactly(locked);
                });
    }

    @Test
    void theAppsRefusalOfAFreshSignInReachesItUnchanged() {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);
        IllegalStateException locked = new IllegalStateException("account locked");

        assertThatThrownBy(() -> nodeA.finishAuthentication(new FinishAuthentication(response, account -> {
                            throw locked;
                        })
                        .withBrowserBinding("browser")))
                .isSameAs(locked);
        assertThat(used.marks).as("a refusal records nothing").hasValue(0);
    }

    @Test
    void toBuilderKeepsTheKeysAndTheUsedChallenges() {
        register("alice");
        RelyingParty copy = nodeA.toBuilder().build();
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        assertThat(finish(copy, response, "browser").user().username()).isEqualTo("alice");
        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, "browser");
    }

    @Test
    void aSealedChallengeFinishesOnlyInTheBrowserThatAskedForIt() {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, null);
        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, "another browser");
        assertThat(used.marks).as("refusals record nothing").hasValue(0);
        assertThat(finish(nodeA, response, "browser").user().username()).isEqualTo("alice");
    }

    @Test
    void anUnboundChallengeNeedsNoBinding() {
        register("alice");
        String response =
                authenticator.authenticate(nodeA.startAuthentication(StartAuthentication.discoverable()), ORIGIN);

        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, "a browser");
        assertThat(finish(nodeB, response, null).user().username()).isEqualTo("alice");
    }

    @Test
    void everyChangedBitOfASealedChallengeIsRefused() {
        register("alice");
        String challenge = start(nodeA, "browser").challenge();
        byte[] bytes = Base64Url.decode(challenge);
        for (int bit = 0; bit < bytes.length * 8; bit += 7) {
            byte[] changed = bytes.clone();
            changed[bit / 8] ^= (byte) (1 << (bit % 8));
            String response = authenticator.authenticate(
                    start(nodeA, "browser"), ORIGIN, new Tamper().challenge(Base64Url.encode(changed)));
            // Byte 17 bit 4 is the "bound to an account" flag: the challenge then claims to be username-first, and
            // its MAC is found not to hold for the passkey's account.
            boolean accountFlag = bit == 17 * 8 + 4;
            assertRefused(
                    accountFlag ? Reason.USER_HANDLE_MISMATCH : Reason.CHALLENGE_UNKNOWN, nodeB, response, "browser");
        }
        assertThat(used.marks).hasValue(0);
    }

    @Test
    void anotherSitesKeysDoNotOpenIt() {
        register("alice");
        RelyingParty otherKeys = RelyingParty.builder(Fixture.RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .usedChallenges(used)
                .clock(clock)
                .build();
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        assertRefused(Reason.CHALLENGE_UNKNOWN, otherKeys, response, "browser");
    }

    @Test
    void aChallengeExpiresAfterTheCeremonyTimeout() {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);
        clock.advance(Duration.ofMinutes(5).plusMillis(1));

        assertRefused(Reason.CHALLENGE_EXPIRED, nodeB, response, "browser");
    }

    /** A challenge sealed just before the key rotates still finishes with the previous key. */
    @Test
    void keysRotateAndThePreviousKeyStillVerifies() {
        register("alice");
        clock.advance(Duration.ofMinutes(59).plusSeconds(59)); // 10:59:59, a second before the next key
        PublicKeyCredentialRequestOptions beforeRotation = start(nodeA, "browser");
        clock.advance(Duration.ofMinutes(4));
        PublicKeyCredentialRequestOptions afterRotation = start(nodeA, "browser");

        assertThat(finish(nodeB, authenticator.authenticate(beforeRotation, ORIGIN), "browser"))
                .isNotNull();
        assertThat(finish(nodeB, authenticator.authenticate(afterRotation, ORIGIN), "browser"))
                .isNotNull();
    }

    /** Nodes whose clocks differ by less than a minute accept each other's challenges, also across a key change. */
    @Test
    void nodesWithClocks30SecondsApartAgree() {
        register("alice");
        clock.advance(Duration.ofMinutes(59).plusSeconds(40)); // 10:59:40 here, 11:00:10 on the node ahead
        TestClock aheadClock = new TestClock(clock.instant().plusSeconds(30));
        RelyingParty ahead = RelyingParty.builder(Fixture.RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .usedChallenges(used)
                .challengeKeys(keys)
                .challengeKeyRotation(Duration.ofHours(1))
                .clock(aheadClock)
                .build();

        String fromTheFuture = authenticator.authenticate(start(ahead, "browser"), ORIGIN);
        String fromThePast = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);

        assertThat(finish(nodeA, fromTheFuture, "browser")).isNotNull();
        assertThat(finish(ahead, fromThePast, "browser")).isNotNull();
        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, fromTheFuture, "browser");
    }

    @Test
    void aKeyFromFurtherAheadThanTheClockSkewIsRefused() {
        register("alice");
        clock.advance(Duration.ofMinutes(58)); // 10:58 here, 11:00 (the next key) on the node two minutes ahead
        RelyingParty farAhead = RelyingParty.builder(Fixture.RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .usedChallenges(used)
                .challengeKeys(keys)
                .challengeKeyRotation(Duration.ofHours(1))
                .clock(new TestClock(clock.instant().plus(Duration.ofMinutes(2))))
                .build();
        String response = authenticator.authenticate(start(farAhead, "browser"), ORIGIN);

        assertRefused(Reason.CHALLENGE_UNKNOWN, nodeA, response, "browser");
    }

    @Test
    void aRefusedResponseLeavesItsSealedChallengeToItsBrowser() {
        register("alice");
        PublicKeyCredentialRequestOptions options = start(nodeA, "browser");
        String bad = authenticator.authenticate(options, ORIGIN, new Tamper().corruptSignature());
        assertRefused(Reason.BAD_SIGNATURE, nodeA, bad, "browser");
        assertThat(used.marks).hasValue(0);

        assertThat(finish(nodeB, authenticator.authenticate(options, ORIGIN), "browser"))
                .isNotNull();
    }

    @Test
    void usedChallengesAreSweptNowAndThenAfterTheyExpired() {
        register("alice");
        for (int i = 0; i < SealedChallenges.SWEEP_EVERY - 1; i++) {
            finish(nodeA, authenticator.authenticate(start(nodeA, "b"), ORIGIN), "b");
        }
        String oldest = used.keys.get(0);
        clock.advance(Duration.ofMinutes(5).plus(SealedChallenges.CLOCK_SKEW).plusSeconds(1));
        assertThat(used.store.markUsed(oldest, clock.instant()))
                .as("kept until swept")
                .isFalse();

        finish(nodeA, authenticator.authenticate(start(nodeA, "b"), ORIGIN), "b");

        assertThat(used.store.markUsed(oldest, clock.instant())).as("swept").isTrue();
        assertThat(used.store.markUsed(used.keys.get(used.keys.size() - 1), clock.instant()))
                .as("the newest is kept")
                .isFalse();
    }

    @Test
    void concurrentFinishesOfOneAssertionOnTwoNodesSignInOnce() throws Exception {
        register("alice");
        String response = authenticator.authenticate(start(nodeA, "browser"), ORIGIN);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RelyingParty node = i % 2 == 0 ? nodeA : nodeB;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        finish(node, response, "browser");
                        return true;
                    } catch (PasskeyException e) {
                        assertThat(e.reason()).isIn(Reason.CHALLENGE_UNKNOWN, Reason.SIGN_COUNTER_REGRESSED);
                        return false;
                    }
                }));
            }
            go.countDown();
            int signedIn = 0;
            for (Future<Boolean> result : results) {
                signedIn += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(signedIn).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private PublicKeyCredentialRequestOptions start(RelyingParty node, String binding) {
        return node.startAuthentication(StartAuthentication.discoverable().withBrowserBinding(binding));
    }

    private static AuthenticationResult finish(RelyingParty node, String response, String binding) {
        return node.finishAuthentication(new FinishAuthentication(response).withBrowserBinding(binding));
    }

    private void assertRefused(Reason reason, RelyingParty node, String response, String binding) {
        assertThatThrownBy(() -> finish(node, response, binding))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private Passkey register(String username) {
        return nodeA.finishRegistration(FinishRegistration.of(
                username,
                authenticator.register(nodeA.startRegistration(StartRegistration.forUser(username)), ORIGIN)));
    }

    /** The in-memory store, counting marks and reads. */
    private static final class CountingUsedChallenges implements UsedChallengeStore {
        final InMemoryUsedChallengeStore store;
        final AtomicInteger marks = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingUsedChallenges(TestClock clock) {
            store = new InMemoryUsedChallengeStore(clock, 1_000);
        }

        @Override
        public boolean markUsed(String key, Instant keepUntil) {
            marks.incrementAndGet();
            keys.add(key);
            return store.markUsed(key, keepUntil);
        }

        @Override
        public boolean isUsed(String key) {
            reads.incrementAndGet();
            return store.isUsed(key);
        }

        @Override
        public void removeExpired(Instant now) {
            store.removeExpired(now);
        }
    }
}
