package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.internal.Base64Url;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passkey-only sign-up: the account exists only once its passkey is verified, and exactly once per username. */
class SignUpTest {

    private final Fixture fx = new Fixture();
    private final AppAccounts app = new AppAccounts();

    /** The app's accounts: ids "acct-N", usernames unique by an atomic putIfAbsent (as a unique constraint). */
    static final class AppAccounts implements SignUpAccounts {
        final Map<String, String> idsByUsername = new ConcurrentHashMap<>();
        final AtomicInteger creates = new AtomicInteger();
        final List<String> removed = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public String create(String username, String displayName) {
            creates.incrementAndGet();
            String id = "acct-" + next.incrementAndGet();
            if (idsByUsername.putIfAbsent(username, id) != null) {
                throw new PasskeyException(Reason.USERNAME_TAKEN);
            }
            return id;
        }

        @Override
        public synchronized void remove(String accountId) {
            removed.add(accountId);
            idsByUsername.values().remove(accountId);
        }
    }

    private String response(String username, Tamper tamper) {
        return fx.authenticator.register(fx.rp.startSignUp(StartSignUp.of(username)), ORIGIN, tamper);
    }

    /** The finish of a sign-up started as {@code StartSignUp.of(username)}. */
    private static FinishSignUp finish(String username, String response, SignUpAccounts accounts) {
        return FinishSignUp.of(StartSignUp.of(username), response, accounts);
    }

    @Test
    void aNewAccountGetsA64ByteUserHandleAndADiscoverableUserVerifiedPasskey() {
        StartSignUp start = StartSignUp.of(" ada ").withDisplayName("Ada Lovelace");
        PublicKeyCredentialCreationOptions options = fx.rp.startSignUp(start);

        assertThat(Base64Url.decode(options.user().id())).hasSize(64);
        assertThat(options.user().name()).isEqualTo("ada");
        assertThat(options.user().displayName()).isEqualTo("Ada Lovelace");
        assertThat(options.authenticatorSelection().residentKey()).isEqualTo("required");
        assertThat(options.authenticatorSelection().userVerification()).isEqualTo("required");
        assertThat(options.excludeCredentials()).isEmpty();
        assertThat(fx.state().writes())
                .as("starting stores nothing: no account, no reserved name, no pending ceremony")
                .isZero();

        SignUpResult result = fx.rp.finishSignUp(FinishSignUp.of(start, fx.authenticator.register(options, ORIGIN), app)
                .withName("My phone"));

        assertThat(result.accountId()).isEqualTo(app.idsByUsername.get("ada"));
        assertThat(result.user().userHandle()).isEqualTo(options.user().id());
        assertThat(result.user().displayName()).isEqualTo("Ada Lovelace");
        assertThat(fx.users.findByAccountId(result.accountId())).contains(result.user());
        assertThat(fx.passkeys.findByUserHandle(result.user().userHandle()))
                .extracting(Passkey::name)
                .containsExactly("My phone");
        // The account signs in with its passkey, username-less.
        AuthenticationResult signIn = fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()));
        assertThat(signIn.user().accountId()).isEqualTo(result.accountId());
    }

    @Test
    void everyNewAccountGetsA64ByteHandleAndOld32ByteHandlesKeepWorking() {
        assertThat(Base64Url.decode(PasskeyUser.newAccount("a", "a").userHandle()))
                .hasSize(64);
        assertThat(PasskeyUser.newAccount("a", "a").userHandle()).hasSize(86);
        PasskeyUser old = PasskeyUser.builder()
                .userHandle(Base64Url.encode(new byte[32]))
                .accountId("old")
                .username("old")
                .build();
        fx.users.create(old);
        Passkey passkey = fx.register("old");
        assertThat(passkey.userHandle()).isEqualTo(old.userHandle());
        assertThat(fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper()))
                        .user())
                .isEqualTo(old);
    }

    @Test
    void aRefusedPasskeyCreatesNoAccountAndWritesNothing() {
        Map<Reason, Tamper> refusals = Map.of(
                Reason.USER_NOT_VERIFIED, new Tamper().userVerified(false),
                Reason.ORIGIN_NOT_ALLOWED, new Tamper().origin("https://evil.test"),
                Reason.RP_ID_MISMATCH, new Tamper().rpId("evil.test"),
                Reason.USER_NOT_PRESENT, new Tamper().userPresent(false));
        refusals.forEach((reason, tamper) -> {
            String response = response("bob", tamper);
            fx.assertRefused(reason, () -> fx.rp.finishSignUp(finish("bob", response, app)));
            // The refusal used up nothing: the same response is refused the same way again.
            fx.assertRefused(reason, () -> fx.rp.finishSignUp(finish("bob", response, app)));
        });
        assertThat(app.creates)
                .as("the app is asked only after the passkey is verified")
                .hasValue(0);
        assertThat(app.idsByUsername).isEmpty();
    }

    @Test
    void aTakenUsernameWritesNothing() {
        app.idsByUsername.put("carol", "acct-existing");
        String response = response("carol", new Tamper());

        fx.assertRefused(Reason.USERNAME_TAKEN, () -> fx.rp.finishSignUp(finish("carol", response, app)));
        assertThat(app.removed).isEmpty();
        assertThat(app.idsByUsername).containsExactly(Map.entry("carol", "acct-existing"));
    }

    @Test
    void aStorageFailureAfterTheAccountWasCreatedRemovesTheAccount() {
        Fixture failing = new Fixture(b -> {});
        failing.passkeys.failNextAdd = true;
        String response = failing.authenticator.register(failing.rp.startSignUp(StartSignUp.of("dan")), ORIGIN);

        assertThatThrownBy(() -> failing.rp.finishSignUp(finish("dan", response, app)))
                .hasMessageContaining("disk full");
        assertThat(app.removed).containsExactly("acct-1");
        assertThat(app.idsByUsername).isEmpty();
        assertThat(failing.passkeys.all()).isEmpty();
    }

    @Test
    void nThreadsSigningUpTheSameUsernameMakeExactlyOneAccount() throws Exception {
        int n = 16;
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(new SoftwareAuthenticator().register(fx.rp.startSignUp(StartSignUp.of("eve")), ORIGIN));
        }
        List<Thread> threads = new ArrayList<>();
        AtomicInteger won = new AtomicInteger();
        Map<Reason, AtomicInteger> refused = new ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (String response : responses) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    fx.rp.finishSignUp(finish("eve", response, app));
                    won.incrementAndGet();
                } catch (PasskeyException e) {
                    refused.computeIfAbsent(e.reason(), r -> new AtomicInteger())
                            .incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(won).hasValue(1);
        assertThat(refused).containsOnlyKeys(Reason.USERNAME_TAKEN);
        assertThat(refused.get(Reason.USERNAME_TAKEN)).hasValue(n - 1);
        assertThat(app.idsByUsername).hasSize(1);
        assertThat(fx.users.all()).hasSize(1);
        assertThat(fx.passkeys.all()).hasSize(1);
        assertThat(fx.users.all().values().iterator().next().accountId()).isEqualTo(app.idsByUsername.get("eve"));
    }

    @Test
    void aFreshStartLeftAtTheNewAccountIdMakesWayAndKeepsItsCutOff() {
        Instant deletedAt = Fixture.START.minusSeconds(60);
        fx.users.create(PasskeyUser.startingAfresh("frank", "frank", deletedAt));
        String response = response("frank", new Tamper());

        SignUpResult result = fx.rp.finishSignUp(finish("frank", response, (username, displayName) -> username));

        assertThat(result.user().notBefore()).isEqualTo(deletedAt);
        assertThat(fx.users.all()).containsOnlyKeys(result.user().userHandle());
    }

    @Test
    void anAccountIdThatAlreadyHasPasskeysIsRefusedAndNeverRemoved() {
        fx.register("grace");
        String response = response("grace", new Tamper());
        List<String> removed = new ArrayList<>();
        SignUpAccounts buggy = new SignUpAccounts() {
            @Override
            public String create(String username, String displayName) {
                return username;
            }

            @Override
            public void remove(String accountId) {
                removed.add(accountId);
            }
        };

        fx.assertRefused(Reason.USERNAME_TAKEN, () -> fx.rp.finishSignUp(finish("grace", response, buggy)));
        assertThat(removed).isEmpty();
    }

    @Test
    void signUpAndRegistrationChallengesAreNotInterchangeable() {
        String signUp = response("heidi", new Tamper());
        fx.assertRefused(
                Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishRegistration(FinishRegistration.of("heidi", signUp)));
        String registration = fx.registrationResponse("ivan", new Tamper());
        fx.assertRefused(Reason.CHALLENGE_MISMATCH, () -> fx.rp.finishSignUp(finish("ivan", registration, app)));
        assertThat(app.creates).hasValue(0);
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsStarted() {
        for (String username : List.of("", "   ", "a\u0000b", "x".repeat(256))) {
            assertThatThrownBy(() -> StartSignUp.of(username))
                    .isInstanceOfSatisfying(
                            PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_USERNAME));
        }
        for (String displayName : List.of("x".repeat(1025), "Judy \u202Eoob", "Judy\u2067x\u2069")) {
            assertThatThrownBy(() -> StartSignUp.of("judy").withDisplayName(displayName))
                    .isInstanceOfSatisfying(
                            PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DISPLAY_NAME));
        }
        assertThat(StartSignUp.of("judy").withDisplayName("  ").displayName()).isNull();
    }
}
