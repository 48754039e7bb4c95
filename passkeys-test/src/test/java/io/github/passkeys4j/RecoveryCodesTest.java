package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.InMemoryRecoveryCodeStore;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.StoredRecoveryCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recovery codes: shape, slow hashes, once each, the lockout, and the last-way-in guard that counts them. */
class RecoveryCodesTest {

    private final InMemoryRecoveryCodeStore store = new InMemoryRecoveryCodeStore();
    private final Fixture fx = new Fixture(
            b -> b.recoveryCodeStore(store).recoveryCodePolicy(RecoveryCodePolicy.DEFAULTS.withIterations(1_000)));
    private final RecoveryCodes codes = fx.rp.recoveryCodes();

    private Reason refusal(RecoveryAttempt attempt) {
        try {
            codes.redeem(attempt);
        } catch (PasskeyException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aSetIsTenDistinctEasyToTypeCodesOf60Bits() {
        List<String> issued = codes.issue("alice");

        assertThat(issued).hasSize(10).doesNotHaveDuplicates();
        assertThat(issued)
                .allMatch(c -> c.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"));
        // 12 characters of a 32-character alphabet: 60 bits.
        assertThat(Math.log(Math.pow(RecoveryCodeFormat.ALPHABET.length(), RecoveryCodeFormat.LENGTH)) / Math.log(2))
                .isGreaterThanOrEqualTo(50);
        assertThat(codes.remaining("alice")).isEqualTo(10);
    }

    @Test
    void aSignInRefusedAfterTheCodeGivesTheCodeBack() {
        String code = codes.issue("alice").get(0);
        RecoveryAttempt attempt = RecoveryAttempt.forAccount("alice", "alice", code);
        IllegalStateException limit = new IllegalStateException("session limit");

        assertThatThrownBy(() -> codes.redeem(attempt, recovered -> {
                    assertThat(recovered.codesLeft()).isEqualTo(9);
                    throw limit;
                }))
                .isSameAs(limit);
        assertThat(codes.remaining("alice")).isEqualTo(10);
        assertThat(store.attempts("alice")).as("a right code is no wrong try").isEmpty();

        String signedIn = codes.redeem(attempt, recovered -> recovered.accountId() + " in, " + recovered.codesLeft());
        assertThat(signedIn).isEqualTo("alice in, 9");
        assertThat(store.attempts("alice")).isEmpty();
        assertThat(refusal(attempt)).isEqualTo(Reason.RECOVERY_CODE_INVALID);
        AtomicInteger signIns = new AtomicInteger();
        assertThatThrownBy(() -> codes.redeem(attempt, recovered -> signIns.incrementAndGet()))
                .isInstanceOf(PasskeyException.class);
        assertThat(signIns).hasValue(0);
    }

    /** A user who retries a right code while a session limit refuses it is not locked out by the retries. */
    @Test
    void refusedSignInsWithTheRightCodeAreNoWrongTries() {
        String code = codes.issue("alice").get(0);
        RecoveryAttempt right = RecoveryAttempt.forAccount("alice", "alice", code);
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> codes.redeem(right, recovered -> {
                        throw new IllegalStateException("session limit");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.attempts("alice")).isEmpty();

        String in = codes.redeem(right, recovered -> "in");
        assertThat(in).isEqualTo("in");
        assertThat(codes.remaining("alice")).isEqualTo(9);
    }

    @Test
    void onlySaltedSlowHashesAreStored() {
        List<String> issued = codes.issue("alice");

        List<StoredRecoveryCode> stored = store.findUnused("alice");
        assertThat(stored).allSatisfy(s -> {
            assertThat(s.hash()).startsWith("pbkdf2-sha256$1000$");
            issued.forEach(code -> {
                assertThat(s.hash()).doesNotContain(code).doesNotContain(code.replace("-", ""));
            });
        });
        assertThat(new HashSet<>(
                        stored.stream().map(s -> s.hash().split("\\$")[2]).toList()))
                .as("a salt per code")
                .hasSize(10);
    }

    @Test
    void aCodeWorksOnceForgivingCaseDashesAndLookAlikes() {
        String code = codes.issue("alice").get(3);
        String typed = " "
                + code.toLowerCase(Locale.ROOT)
                        .replace("-", "")
                        .replace('0', 'o')
                        .replace('1', 'l') + " ";

        RecoveryCodes.Recovered recovered = codes.redeem(RecoveryAttempt.forAccount("alice", "alice", typed));

        assertThat(recovered).isEqualTo(new RecoveryCodes.Recovered("alice", 9));
        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", code))).isEqualTo(Reason.RECOVERY_CODE_INVALID);
        assertThat(codes.remaining("alice")).isEqualTo(9);
    }

    @Test
    void anotherAccountsCodeIsWrong() {
        codes.issue("alice");
        String bobs = codes.issue("bob").get(0);

        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", bobs))).isEqualTo(Reason.RECOVERY_CODE_INVALID);
        assertThat(codes.remaining("bob")).isEqualTo(10);
    }

    @Test
    void newCodesReplaceTheWholeSet() {
        List<String> old = codes.issue("alice");
        List<String> fresh = codes.issue("alice");

        assertThat(fresh).doesNotContainAnyElementsOf(old);
        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", old.get(0))))
                .isEqualTo(Reason.RECOVERY_CODE_INVALID);
        assertThat(codes.redeem(RecoveryAttempt.forAccount("alice", "alice", fresh.get(0)))
                        .codesLeft())
                .isEqualTo(9);
    }

    @Test
    void malformedCodesAreWrongCodes() {
        codes.issue("alice");
        for (String bad : new String[] {"x", "UUUU-UUUU-UUUU", "A".repeat(100), "1234-5678-9ABC-D"}) {
            assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", bad)))
                    .as(bad)
                    .isEqualTo(Reason.RECOVERY_CODE_INVALID);
        }
        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", null))).isEqualTo(Reason.RECOVERY_CODE_INVALID);
    }

    @Test
    void fiveWrongTriesLockTheAccountUntilTheWindowHasPassed() {
        String code = codes.issue("alice").get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", "0000-0000-0000")))
                    .isEqualTo(Reason.RECOVERY_CODE_INVALID);
        }

        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", code))).isEqualTo(Reason.RECOVERY_LOCKED);
        assertThat(store.attempts("alice").orElseThrow().failures())
                .as("a refused try counts nothing")
                .isEqualTo(5);
        assertThat(codes.remaining("alice")).as("and uses nothing").isEqualTo(10);

        fx.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(codes.redeem(RecoveryAttempt.forAccount("alice", "alice", code))
                        .codesLeft())
                .isEqualTo(9);
        assertThat(store.attempts("alice")).as("a right code clears the count").isEmpty();
    }

    @Test
    void anUnknownUserIsAnsweredLikeAWrongCodeAndLockedAlike() {
        for (int i = 0; i < 5; i++) {
            assertThat(refusal(RecoveryAttempt.forUnknownUser("nobody", "0000-0000-0000")))
                    .isEqualTo(Reason.RECOVERY_CODE_INVALID);
        }
        assertThat(refusal(RecoveryAttempt.forUnknownUser("nobody", "0000-0000-0000")))
                .isEqualTo(Reason.RECOVERY_LOCKED);
        assertThat(refusal(RecoveryAttempt.forUnknownUser("somebody", "0000-0000-0000")))
                .isEqualTo(Reason.RECOVERY_CODE_INVALID);
    }

    /** How many of a burst of tries got in, and the refusals of the others. */
    private record Answers(int in, Map<Reason, AtomicInteger> refused) {}

    /** Runs {@code tries} calls of {@code attempt} at once, on as many threads. */
    private Answers atOnce(int tries, RecoveryAttempt attempt) throws Exception {
        Map<Reason, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger wins = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < tries; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    try {
                        codes.redeem(attempt);
                        wins.incrementAndGet();
                    } catch (PasskeyException e) {
                        answers.computeIfAbsent(e.reason(), r -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Answers(wins.get(), answers);
    }

    @Test
    void oneCodeTriedByManyThreadsAtOnceWorksExactlyOnce() throws Exception {
        String code = codes.issue("alice").get(0);

        Answers answers = atOnce(8, RecoveryAttempt.forAccount("alice", "alice", code));

        assertThat(answers.in()).isEqualTo(1);
        assertThat(answers.refused().keySet()).isSubsetOf(Reason.RECOVERY_CODE_INVALID, Reason.RECOVERY_LOCKED);
        assertThat(codes.remaining("alice")).isEqualTo(9);
    }

    @Test
    void aBurstOfWrongTriesAtOnceGetsNoMoreGuessesThanTheLockoutAllows() throws Exception {
        String code = codes.issue("alice").get(0);

        Answers answers = atOnce(24, RecoveryAttempt.forAccount("alice", "alice", "0000-0000-0000"));

        assertThat(answers.in()).isZero();
        assertThat(answers.refused().get(Reason.RECOVERY_CODE_INVALID))
                .as("checked guesses")
                .hasValue(5);
        assertThat(answers.refused().get(Reason.RECOVERY_LOCKED)).hasValue(24 - 5);
        assertThat(refusal(RecoveryAttempt.forAccount("alice", "alice", code))).isEqualTo(Reason.RECOVERY_LOCKED);
        assertThat(codes.remaining("alice")).isEqualTo(10);
    }

    @Test
    void unusedCodesAreAWayIn() {
        Passkey phone = fx.register("alice");
        codes.issue("alice");

        fx.rp.management().delete("alice", phone.credentialId(), OtherSignIn.NONE);

        assertThat(fx.rp.management().list("alice")).isEmpty();
    }

    @Test
    void usedUpCodesAreNoWayIn() {
        Passkey phone = fx.register("alice");
        codes.issue("alice").forEach(c -> codes.redeem(RecoveryAttempt.forAccount("alice", "alice", c)));

        fx.assertRefused(
                Reason.LAST_SIGN_IN_METHOD,
                () -> fx.rp.management().delete("alice", phone.credentialId(), OtherSignIn.NONE));
    }

    @Test
    void deletingTheAccountDeletesItsCodes() {
        fx.register("alice");
        codes.issue("alice");

        fx.rp.management().deleteAccount("alice");

        assertThat(codes.remaining("alice")).isZero();
        assertThat(store.findUnused("alice")).isEmpty();
    }

    @Test
    void thePolicyRefusesWeakSettings() {
        assertThatThrownBy(() -> RecoveryCodePolicy.DEFAULTS.withIterations(999))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryCodePolicy.DEFAULTS.withCodeCount(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryCodePolicy.DEFAULTS.withLockout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
