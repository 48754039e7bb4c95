package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUser;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import io.github.passkeys4j.testing.TestCertificateAuthority;
import io.github.passkeys4j.testing.TestClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A relying party for {@value #RP_ID} with in-memory stores that record every write, a {@link TestClock} and a
 * {@link SoftwareAuthenticator}; plus the one assertion every refusal test makes.
 */
final class Fixture {

    static final String RP_ID = "example.com";
    static final String ORIGIN = "https://example.com";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    // Test attestation certificates' validity: fixed around START, so that a test can verify just past either end.
    static final Instant CERTIFICATES_NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CERTIFICATES_NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");

    final TestClock clock = new TestClock(START);
    final RecordingPasskeys passkeys = new RecordingPasskeys();
    final RecordingUsers users = new RecordingUsers();
    final SoftwareAuthenticator authenticator;
    final RelyingParty rp;

    Fixture() {
        this(builder -> {});
    }

    Fixture(Consumer<RelyingParty.Builder> settings) {
        this(new SoftwareAuthenticator(), settings);
    }

    Fixture(SoftwareAuthenticator authenticator, Consumer<RelyingParty.Builder> settings) {
        this.authenticator = authenticator;
        RelyingParty.Builder builder = RelyingParty.builder(RP_ID, "Example")
                .origins(Set.of(ORIGIN))
                .passkeys(passkeys)
                .users(users)
                .clock(clock);
        settings.accept(builder);
        this.rp = builder.build();
    }

    /** Registers a passkey for {@code username} made by this fixture's authenticator. */
    Passkey register(String username) {
        return register(username, authenticator);
    }

    Passkey register(String username, SoftwareAuthenticator with) {
        PublicKeyCredentialCreationOptions options = rp.startRegistration(StartRegistration.forUser(username));
        return rp.finishRegistration(FinishRegistration.of(username, with.register(options, ORIGIN)));
    }

    /** A registration response from this fixture's authenticator to fresh options for {@code username}. */
    String registrationResponse(String username, Tamper tamper) {
        return authenticator.register(rp.startRegistration(StartRegistration.forUser(username)), ORIGIN, tamper);
    }

    /** An assertion from this fixture's authenticator to fresh options. */
    String assertion(StartAuthentication start, Tamper tamper) {
        return authenticator.authenticate(rp.startAuthentication(start), ORIGIN, tamper);
    }

    AuthenticationResult signIn(String assertionJson) {
        return rp.finishAuthentication(new FinishAuthentication(assertionJson));
    }

    Passkey stored(String credentialId) {
        return passkeys.findByCredentialId(credentialId).orElseThrow();
    }

    /** Everything stored, and how many writes made it. */
    State state() {
        return new State(passkeys.all(), users.all(), passkeys.writes.get() + users.writes.get());
    }

    /** The call is refused for {@code reason}, with a message, and changes nothing stored. */
    void assertRefused(Reason reason, ThrowingCallable call) {
        State before = state();
        assertThatThrownBy(call).isInstanceOfSatisfying(PasskeyException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isNotBlank();
        });
        assertThat(state()).isEqualTo(before);
    }

    record State(Map<String, Passkey> passkeys, Map<String, PasskeyUser> users, int writes) {}

    /** {@link InMemoryPasskeyRepository} that counts writes and can list everything. */
    /** A test CA (vendor or MDS root) issuing certificates valid from CERTIFICATES_NOT_BEFORE to _NOT_AFTER. */
    static TestCertificateAuthority attestationCa() {
        return new TestCertificateAuthority(
                "Passkeys Test Attestation Root", CERTIFICATES_NOT_BEFORE, CERTIFICATES_NOT_AFTER);
    }

    static final class RecordingPasskeys implements PasskeyRepository {
        private final InMemoryPasskeyRepository delegate = new InMemoryPasskeyRepository();
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean failNextAdd;

        @Override
        public void add(Passkey passkey) {
            if (failNextAdd) {
                failNextAdd = false;
                throw new IllegalStateException("disk full (a test's storage failure)");
            }
            delegate.add(passkey);
            ids.add(passkey.credentialId());
            writes.incrementAndGet();
        }

        @Override
        public boolean recordUse(Passkey used, long expectedSignCount) {
            writes.incrementAndGet();
            return delegate.recordUse(used, expectedSignCount);
        }

        @Override
        public boolean updateSettings(Passkey passkey) {
            writes.incrementAndGet();
            return delegate.updateSettings(passkey);
        }

        @Override
        public Optional<Passkey> findByCredentialId(String credentialId) {
            return delegate.findByCredentialId(credentialId);
        }

        @Override
        public List<Passkey> findByUserHandle(String userHandle) {
            return delegate.findByUserHandle(userHandle);
        }

        @Override
        public boolean delete(String credentialId) {
            writes.incrementAndGet();
            return delegate.delete(credentialId);
        }

        @Override
        public int deleteByUserHandle(String userHandle) {
            writes.incrementAndGet();
            return delegate.deleteByUserHandle(userHandle);
        }

        Map<String, Passkey> all() {
            Map<String, Passkey> all = new TreeMap<>();
            ids.forEach(id -> delegate.findByCredentialId(id).ifPresent(p -> all.put(id, p)));
            return all;
        }
    }

    /** {@link InMemoryPasskeyUserRepository} that counts writes and can list everything. */
    static final class RecordingUsers implements PasskeyUserRepository {
        private final InMemoryPasskeyUserRepository delegate = new InMemoryPasskeyUserRepository();
        private final Set<String> handles = ConcurrentHashMap.newKeySet();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public Optional<PasskeyUser> findByAccountId(String accountId) {
            return delegate.findByAccountId(accountId);
        }

        @Override
        public List<PasskeyUser> findByUsername(String username) {
            return delegate.findByUsername(username);
        }

        @Override
        public Optional<PasskeyUser> findByUserHandle(String userHandle) {
            return delegate.findByUserHandle(userHandle);
        }

        @Override
        public boolean create(PasskeyUser user) {
            writes.incrementAndGet();
            handles.add(user.userHandle());
            return delegate.create(user);
        }

        @Override
        public boolean update(PasskeyUser user) {
            writes.incrementAndGet();
            return delegate.update(user);
        }

        @Override
        public boolean delete(String userHandle) {
            writes.incrementAndGet();
            return delegate.delete(userHandle);
        }

        Map<String, PasskeyUser> all() {
            Map<String, PasskeyUser> all = new TreeMap<>();
            handles.forEach(h -> delegate.findByUserHandle(h).ifPresent(u -> all.put(h, u)));
            return all;
        }
    }
}
