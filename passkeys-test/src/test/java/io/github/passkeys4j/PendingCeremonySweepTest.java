package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Abandoned ceremonies are never consumed, so every 64th start sweeps the expired ones out of the store. (Only
 * ceremonies for an account are stored: a username-less sign-in's challenge is sealed, see SealedChallengeTest.)
 */
class PendingCeremonySweepTest {

    private final TestClock clock = new TestClock(Fixture.START);
    private final CountingPendingCeremonyStore store = new CountingPendingCeremonyStore(clock);
    private final RelyingParty rp = RelyingParty.builder(Fixture.RP_ID, "Example")
            .origins(Set.of(ORIGIN))
            .pendingCeremonies(store)
            .clock(clock)
            .build();
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

    @Test
    void theSweepIntervalIs64() {
        assertThat(PendingCeremonies.SWEEP_EVERY).isEqualTo(64);
    }

    @Test
    void the64thStartSweepsCeremoniesThatExpired() {
        register("alice");
        List<PublicKeyCredentialRequestOptions> abandoned = startAuthentications(63);
        assertThat(store.sweeps).isEmpty();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        PublicKeyCredentialRequestOptions fresh = rp.startAuthentication(StartAuthentication.forAccount("alice"));

        assertThat(store.sweeps).containsExactly(clock.instant());
        for (PublicKeyCredentialRequestOptions options : abandoned) {
            assertThat(store.consume(options.challenge())).as("swept").isEmpty();
        }
        assertThat(rp.finishAuthentication(new FinishAuthentication(authenticator.authenticate(fresh, ORIGIN)))
                        .user()
                        .username())
                .isEqualTo("alice");
    }

    @Test
    void anExpiredCeremonyIsUnknownOnceSwept() {
        register("alice");
        PublicKeyCredentialRequestOptions first = rp.startAuthentication(StartAuthentication.forAccount("alice"));
        startAuthentications(62);
        clock.advance(Duration.ofMinutes(6));
        String late = authenticator.authenticate(first, ORIGIN);

        rp.startAuthentication(StartAuthentication.forAccount("alice"));

        assertThatThrownBy(() -> rp.finishAuthentication(new FinishAuthentication(late)))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_UNKNOWN));
    }

    @Test
    void theSweepKeepsCeremoniesThatHaveNotExpired() {
        register("alice");
        PublicKeyCredentialRequestOptions first = rp.startAuthentication(StartAuthentication.forAccount("alice"));
        startAuthentications(63);
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.sweeps).hasSize(1);

        AuthenticationResult result =
                rp.finishAuthentication(new FinishAuthentication(authenticator.authenticate(first, ORIGIN)));

        assertThat(result.user().username()).isEqualTo("alice");
    }

    @Test
    void sweepsAgainEvery64Starts() {
        startAuthentications(127);
        assertThat(store.sweeps).hasSize(1);

        startAuthentications(1);
        assertThat(store.sweeps).hasSize(2);

        startAuthentications(63);
        assertThat(store.sweeps).hasSize(2);
        assertThat(store.saves).hasValue(191);
    }

    @Test
    void registrationsSweepToo() {
        for (int i = 0; i < 63; i++) {
            rp.startRegistration(StartRegistration.forUser("user" + i));
        }
        assertThat(store.sweeps).isEmpty();

        rp.startRegistration(StartRegistration.forUser("user63"));

        assertThat(store.sweeps).hasSize(1);
    }

    private List<PublicKeyCredentialRequestOptions> startAuthentications(int count) {
        List<PublicKeyCredentialRequestOptions> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(rp.startAuthentication(StartAuthentication.forAccount("alice")));
        }
        return started;
    }

    private Passkey register(String username) {
        return rp.finishRegistration(FinishRegistration.of(
                username, authenticator.register(rp.startRegistration(StartRegistration.forUser(username)), ORIGIN)));
    }
}
