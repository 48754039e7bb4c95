package dev.passkeys.spring.jdbc;

import static dev.passkeys.spring.jdbc.JdbcStorageTestSupport.T0;
import static dev.passkeys.spring.jdbc.JdbcStorageTestSupport.discoverableSignIn;
import static dev.passkeys.spring.jdbc.JdbcStorageTestSupport.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passkeys.store.PendingCeremony;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What every database must do for {@link JdbcPendingCeremonyStore}. */
interface PendingCeremonyStoreContract {

    int THREADS = 8;

    JdbcPendingCeremonyStore ceremonies();

    @Test
    default void registrationRoundTripsWithItsUserAndAllowListInOrder() {
        PendingCeremony saved = registration("Y2hhbGxlbmdlLTE", T0);

        ceremonies().save(saved);

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).contains(saved);
    }

    @Test
    default void discoverableSignInRoundTripsWithoutUser() {
        PendingCeremony saved = discoverableSignIn("Y2hhbGxlbmdlLTE", T0);

        ceremonies().save(saved);

        PendingCeremony consumed = ceremonies().consume("Y2hhbGxlbmdlLTE").orElseThrow();
        assertThat(consumed).isEqualTo(saved);
        assertThat(consumed.user()).isNull();
        assertThat(consumed.allowCredentialIds()).isEmpty();
    }

    @Test
    default void aCeremonyIsConsumedOnce() {
        ceremonies().save(discoverableSignIn("Y2hhbGxlbmdlLTE", T0));
        ceremonies().save(discoverableSignIn("Y2hhbGxlbmdlLTI", T0));

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isPresent();
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isEmpty();
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTI")).isPresent();
        assertThat(ceremonies().consume("dW5rbm93bg")).isEmpty();
    }

    @Test
    default void savingAKnownChallengeAgainReplacesTheCeremony() {
        ceremonies().save(discoverableSignIn("Y2hhbGxlbmdlLTE", T0));
        PendingCeremony replacement = registration("Y2hhbGxlbmdlLTE", T0.plusSeconds(60));

        ceremonies().save(replacement);

        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).contains(replacement);
        assertThat(ceremonies().consume("Y2hhbGxlbmdlLTE")).isEmpty();
    }

    /** Eight threads race to consume each of 25 challenges: every challenge has exactly one winner. */
    @Test
    default void concurrentConsumersGetEachCeremonyExactlyOnce() throws Exception {
        int challenges = 25;
        for (int i = 0; i < challenges; i++) {
            ceremonies().save(registration("Y2hhbGxlbmdl" + i, T0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < challenges; i++) {
                String challenge = "Y2hhbGxlbmdl" + i;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<PendingCeremony>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Callable<Optional<PendingCeremony>> consume = () -> {
                        start.await();
                        return ceremonies().consume(challenge);
                    };
                    results.add(pool.submit(consume));
                }
                start.countDown();
                List<PendingCeremony> winners = new ArrayList<>();
                for (Future<Optional<PendingCeremony>> result : results) {
                    result.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
                }
                assertThat(winners).as("winners for %s", challenge).hasSize(1);
                assertThat(winners.get(0).challenge()).isEqualTo(challenge);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void removeExpiredForgetsOnlyCeremoniesThatExpiredBeforeNow() {
        ceremonies().save(discoverableSignIn("ZXhwaXJlZA", T0.minusNanos(1_000)));
        ceremonies().save(discoverableSignIn("ZXhwaXJlcy1ub3c", T0));
        ceremonies().save(registration("bGl2ZQ", T0.plusSeconds(300)));

        ceremonies().removeExpired(T0);

        assertThat(ceremonies().consume("ZXhwaXJlZA")).isEmpty();
        assertThat(ceremonies().consume("ZXhwaXJlcy1ub3c")).isPresent();
        assertThat(ceremonies().consume("bGl2ZQ")).isPresent();
    }

    @Test
    default void removeByAccountIdForgetsOnlyThatAccountsCeremonies() {
        ceremonies().save(registration("YWxpY2U", T0.plusSeconds(300)));
        ceremonies().save(discoverableSignIn("YW5vbnltb3Vz", T0.plusSeconds(300)));

        ceremonies().removeByAccountId("alice@example.com");
        ceremonies().removeByAccountId("nobody");

        assertThat(ceremonies().consume("YWxpY2U")).isEmpty();
        assertThat(ceremonies().consume("YW5vbnltb3Vz")).isPresent();
    }
}
