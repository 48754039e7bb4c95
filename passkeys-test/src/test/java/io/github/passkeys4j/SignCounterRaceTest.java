package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two sign-ins that both verified against the same stored counter (two nodes, or a clone racing the original): the
 * counter is recorded by compare-and-set, so only the first is accepted.
 */
class SignCounterRaceTest {

    /** Before our sign-in is recorded, another one (the racing clone) records the next counter value. */
    static final class RacingRepository extends ForwardingRepository {
        private long raceTo = -1;

        @Override
        public boolean recordUse(Passkey used, long expectedSignCount) {
            if (raceTo >= 0) {
                Passkey stored = findByCredentialId(used.credentialId()).orElseThrow();
                super.recordUse(
                        stored.usedAt(used.lastUsedAt(), raceTo, stored.backupState(), true), expectedSignCount);
                raceTo = -1;
            }
            return super.recordUse(used, expectedSignCount);
        }
    }

    /** A relying party over {@code passkeys} with one passkey of alice's from {@code authenticator}. */
    private record Registered(RelyingParty rp, Passkey passkey) {
        static Registered with(
                io.github.passkeys4j.store.PasskeyRepository passkeys, SoftwareAuthenticator authenticator) {
            RelyingParty rp = RelyingParty.builder(Fixture.RP_ID, "Example")
                    .origins(Set.of(ORIGIN))
                    .passkeys(passkeys)
                    .build();
            String created = authenticator.register(rp.startRegistration(StartRegistration.forUser("alice")), ORIGIN);
            return new Registered(rp, rp.finishRegistration(FinishRegistration.of("alice", created)));
        }

        String assertion(SoftwareAuthenticator authenticator) {
            return authenticator.authenticate(rp.startAuthentication(StartAuthentication.discoverable()), ORIGIN);
        }
    }

    @Test
    void theSecondOfTwoSignInsWithTheSameCounterIsRefused() {
        RacingRepository passkeys = new RacingRepository();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(UUID.randomUUID(), 0, 1);
        Registered registered = Registered.with(passkeys, authenticator);
        RelyingParty rp = registered.rp();
        Passkey passkey = registered.passkey();
        String assertion = registered.assertion(authenticator);
        passkeys.raceTo = 1;
        assertThatThrownBy(() -> rp.finishAuthentication(new FinishAuthentication(assertion)))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGN_COUNTER_REGRESSED));
        assertThat(passkeys.findByCredentialId(passkey.credentialId())
                        .orElseThrow()
                        .signCount())
                .isEqualTo(1);
    }

    /** Two sign-ins counted 1 and 2 that finish as 2 after 1: the later counter is in order, not a clone. */
    @Test
    void aHigherCounterRecordedAfterALowerOneThatRacedItIsAccepted() {
        RacingRepository passkeys = new RacingRepository();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(UUID.randomUUID(), 0, 2);
        Registered registered = Registered.with(passkeys, authenticator);
        RelyingParty rp = registered.rp();
        Passkey passkey = registered.passkey();
        String assertion = registered.assertion(authenticator);
        passkeys.raceTo = 1; // the other sign-in, counted 1, is recorded first
        assertThat(rp.finishAuthentication(new FinishAuthentication(assertion))
                        .passkey()
                        .signCount())
                .isEqualTo(2);
        assertThat(passkeys.findByCredentialId(passkey.credentialId())
                        .orElseThrow()
                        .signCount())
                .isEqualTo(2);
    }

    /** Disabled by its owner on another device while its sign-in was being verified: it does not sign in. */
    @Test
    void aPasskeyDisabledBeforeItsSignInIsRecordedDoesNotSignIn() {
        ForwardingRepository passkeys = new ForwardingRepository() {
            @Override
            public boolean recordUse(Passkey used, long expectedSignCount) {
                updateSettings(
                        findByCredentialId(used.credentialId()).orElseThrow().withEnabled(false));
                return super.recordUse(used, expectedSignCount);
            }
        };
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        Registered registered = Registered.with(passkeys, authenticator);
        RelyingParty rp = registered.rp();
        Passkey passkey = registered.passkey();
        String assertion = registered.assertion(authenticator);
        assertThatThrownBy(() -> rp.finishAuthentication(new FinishAuthentication(assertion)))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PASSKEY_DISABLED));
        Passkey now = passkeys.findByCredentialId(passkey.credentialId()).orElseThrow();
        assertThat(now.signCount()).isEqualTo(passkey.signCount());
        assertThat(now.lastUsedAt()).isEqualTo(passkey.lastUsedAt());
    }

    @Test
    void passkeysWithoutCountersMayRace() {
        RacingRepository passkeys = new RacingRepository();
        SoftwareAuthenticator syncedPasskey = new SoftwareAuthenticator(UUID.randomUUID(), 0, 0);
        Registered registered = Registered.with(passkeys, syncedPasskey);
        RelyingParty rp = registered.rp();
        String assertion = registered.assertion(syncedPasskey);
        passkeys.raceTo = 0;
        assertThat(rp.finishAuthentication(new FinishAuthentication(assertion))
                        .user()
                        .username())
                .isEqualTo("alice");
    }

    @Test
    void recordUseIsACompareAndSetInMemory() {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        Passkey stored = Passkey.builder()
                .credentialId("id")
                .userHandle("handle")
                .publicKey("key")
                .signCount(3)
                .uvInitialized(true)
                .createdAt(java.time.Instant.EPOCH)
                .name("Key")
                .build()
                .withName("Renamed meanwhile");
        passkeys.add(stored);
        Passkey used = stored.withName("stale name").usedAt(java.time.Instant.EPOCH.plusSeconds(60), 4, false, true);
        assertThat(passkeys.recordUse(used, 2)).isFalse();
        assertThat(passkeys.recordUse(used, 3)).isTrue();
        Passkey now = passkeys.findByCredentialId("id").orElseThrow();
        assertThat(now.signCount()).isEqualTo(4);
        assertThat(now.lastUsedAt()).isEqualTo(java.time.Instant.EPOCH.plusSeconds(60));
        assertThat(now.name()).isEqualTo("Renamed meanwhile");
        assertThat(passkeys.recordUse(used, 3)).isFalse();
    }

    /** Forwards to an {@link InMemoryPasskeyRepository}; subclasses change one method. */
    static class ForwardingRepository implements io.github.passkeys4j.store.PasskeyRepository {
        private final InMemoryPasskeyRepository delegate = new InMemoryPasskeyRepository();

        @Override
        public void add(Passkey passkey) {
            delegate.add(passkey);
        }

        @Override
        public boolean updateSettings(Passkey passkey) {
            return delegate.updateSettings(passkey);
        }

        @Override
        public boolean recordUse(Passkey used, long expectedSignCount) {
            return delegate.recordUse(used, expectedSignCount);
        }

        @Override
        public java.util.Optional<Passkey> findByCredentialId(String credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public java.util.List<Passkey> findByUserHandle(String userHandle) {
            return delegate.findByUserHandle(userHandle);
        }

        @Override
        public boolean delete(String credentialId) {
            return delegate.delete(credentialId);
        }

        @Override
        public int deleteByUserHandle(String userHandle) {
            return delegate.deleteByUserHandle(userHandle);
        }
    }
}
