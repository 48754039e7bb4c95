package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.testing.Tamper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-up's options store nothing (the challenge is sealed over the username, display name and browser binding), and
 * its finish is refused for anything else than what was started, after expiry, and a second time on any node.
 */
class SealedSignUpTest {

    private static final String BROWSER = "b".repeat(43);

    /** A pending-ceremony store that fails the test on any use: sign-up must not need one. */
    private static final class NoPendingCeremonies implements PendingCeremonyStore {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void save(String key, Instant expiresAt, byte[] state, @Nullable String accountId) {
            calls.incrementAndGet();
        }

        @Override
        public Optional<byte[]> consume(String key) {
            calls.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public void removeByAccountId(String accountId) {
            calls.incrementAndGet();
        }

        @Override
        public void removeExpired(Instant now) {
            calls.incrementAndGet();
        }
    }

    private final NoPendingCeremonies pending = new NoPendingCeremonies();
    private final InMemoryChallengeKeys keys = new InMemoryChallengeKeys();
    private final InMemoryUsedChallengeStore used = new InMemoryUsedChallengeStore();
    private final Fixture fx = node();
    private final SignUpTest.AppAccounts app = new SignUpTest.AppAccounts();

    /** A node: its own relying party over the same (shared) challenge keys and used-challenge records. */
    private Fixture node() {
        return new Fixture(b -> b.pendingCeremonies(pending).challengeKeys(keys).usedChallenges(used));
    }

    private final StartSignUp ada =
            StartSignUp.of("ada").withDisplayName("Ada Lovelace").withBrowserBinding(BROWSER);

    @Test
    void manyStartsStoreNothingAnywhere() {
        for (int i = 0; i < 1_000; i++) {
            fx.rp.startSignUp(StartSignUp.of("user" + i).withBrowserBinding(BROWSER));
        }
        assertThat(pending.calls).hasValue(0);
        assertThat(fx.state().writes()).isZero();
        assertThat(fx.rp.startSignUp(ada).challenge()).hasSize(152);
    }

    @Test
    void theFinishMustGiveWhatWasStarted() {
        PublicKeyCredentialCreationOptions options = fx.rp.startSignUp(ada);
        String response = fx.authenticator.register(options, ORIGIN);
        for (StartSignUp other : new StartSignUp[] {
            StartSignUp.of("eve").withDisplayName("Ada Lovelace").withBrowserBinding(BROWSER),
            StartSignUp.of("ada").withDisplayName("Eve").withBrowserBinding(BROWSER),
            StartSignUp.of("ada").withDisplayName("ada").withBrowserBinding(BROWSER),
            StartSignUp.of("ada").withDisplayName("Ada Lovelace").withBrowserBinding("c".repeat(43)),
            StartSignUp.of("ada").withDisplayName("Ada Lovelace")
        }) {
            fx.assertRefused(
                    Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishSignUp(FinishSignUp.of(other, response, app)));
        }
        assertThat(app.creates).hasValue(0);
        assertThat(fx.state().writes()).isZero();

        // A refusal for a changed name does not use the challenge up: the sign-up as started still finishes.
        SignUpResult result = fx.rp.finishSignUp(FinishSignUp.of(ada, response, app));
        assertThat(result.user().userHandle()).isEqualTo(options.user().id());
        assertThat(result.user().username()).isEqualTo("ada");
        assertThat(result.user().displayName()).isEqualTo("Ada Lovelace");
        assertThat(pending.calls).hasValue(0);
    }

    @Test
    void aChangedUserHandleOrExpiryInTheChallengeIsRefused() {
        PublicKeyCredentialCreationOptions options = fx.rp.startSignUp(ada);
        for (int at : new int[] {10, 20, 60, 100}) {
            byte[] challenge = Base64Url.decode(options.challenge());
            challenge[at] ^= 1;
            String forged =
                    fx.authenticator.register(options, ORIGIN, new Tamper().challenge(Base64Url.encode(challenge)));
            fx.assertRefused(Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishSignUp(FinishSignUp.of(ada, forged, app)));
        }
        assertThat(app.creates).hasValue(0);
    }

    @Test
    void anExpiredSignUpIsRefused() {
        String response = fx.authenticator.register(fx.rp.startSignUp(ada), ORIGIN);
        fx.clock.advance(fx.rp.ceremonyTimeout().plusSeconds(1));
        fx.assertRefused(Reason.CHALLENGE_EXPIRED, () -> fx.rp.finishSignUp(FinishSignUp.of(ada, response, app)));
        assertThat(app.creates).hasValue(0);
    }

    @Test
    void aSignUpFinishesOnceOnAnyNode() {
        Fixture other = node();
        String response = fx.authenticator.register(fx.rp.startSignUp(ada), ORIGIN);

        other.rp.finishSignUp(FinishSignUp.of(ada, response, app));

        // Used up on every node.
        fx.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> fx.rp.finishSignUp(FinishSignUp.of(ada, response, app)));
        assertThat(app.creates).hasValue(1);
    }

    @Test
    void aSignUpChallengeNeitherSignsInNorAddsAPasskey() {
        Fixture plain = new Fixture();
        plain.register("bob");
        String signUp = plain.authenticator.register(plain.rp.startSignUp(ada), ORIGIN);
        plain.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> plain.rp.finishRegistration(FinishRegistration.of("bob", signUp)));
        String assertion = plain.authenticator.authenticate(
                plain.rp.startAuthentication(StartAuthentication.discoverable()),
                ORIGIN,
                new Tamper().challenge(plain.rp.startSignUp(ada).challenge()));
        plain.assertRefused(Reason.CHALLENGE_UNKNOWN, () -> plain.signIn(assertion));
    }

    @Test
    void theHandleIsNewForEveryStart() {
        String first = fx.rp.startSignUp(ada).user().id();
        String second = fx.rp.startSignUp(ada).user().id();
        assertThat(first).isNotEqualTo(second);
        assertThat(Base64Url.decode(first)).hasSize(64);
        assertThat(Duration.ofMillis(fx.rp.startSignUp(ada).timeout())).isEqualTo(fx.rp.ceremonyTimeout());
    }
}
