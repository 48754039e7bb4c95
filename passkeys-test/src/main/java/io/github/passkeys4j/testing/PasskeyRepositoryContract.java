package io.github.passkeys4j.testing;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.store.PasskeyRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link PasskeyRepository} must do. Extend it in your store's tests and return a new, empty store from
 * {@link #createRepository()}; every test here then runs against it. The in-memory store and the starter's JDBC store
 * (on H2 and PostgreSQL) run it too.
 */
public abstract class PasskeyRepositoryContract {

    /** A fixed instant with microseconds, which every store must keep exactly. */
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    private PasskeyRepository passkeys;

    /** A store with no passkeys in it; called before each test. */
    protected abstract PasskeyRepository createRepository();

    @BeforeEach
    final void createEmptyRepository() {
        passkeys = createRepository();
    }

    /** The store under test. */
    protected final PasskeyRepository passkeys() {
        return passkeys;
    }

    @Test
    public void everyFieldRoundTrips() {
        Passkey stored = passkey("Y3JlZC0x", "dXNlci0x", T0);

        passkeys().add(stored);

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(stored);
    }

    @Test
    public void defaultsRoundTrip() {
        Passkey stored = barePasskey("Y3JlZC0x", "dXNlci0x", T0);

        passkeys().add(stored);

        Passkey found = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();
        assertThat(found).isEqualTo(stored);
        assertThat(found.aaguid()).isEqualTo(Passkey.NO_AAGUID);
        assertThat(found.transports()).isEmpty();
        assertThat(found.lastUsedAt()).isNull();
        assertThat(found.name()).isEmpty();
        assertThat(found.attestationTrusted()).isFalse();
    }

    @Test
    public void unusualTransportsSurvive() {
        Set<String> transports = Set.of("usb", "smart-card", "with,comma", "100% odd", "naïve");
        Passkey stored = Passkey.builder()
                .credentialId("Y3JlZC0x")
                .userHandle("dXNlci0x")
                .publicKey("a2V5")
                .signCount(Long.MAX_VALUE)
                .aaguid(UUID.randomUUID())
                .transports(transports)
                .backupEligible(true)
                .uvInitialized(true)
                .createdAt(T0)
                .lastUsedAt(T0)
                .name("name, with comma")
                .build();

        passkeys().add(stored);

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(stored);
    }

    @Test
    public void instantsAreKeptAtLeastToTheMicrosecond() {
        Instant withNanos = Instant.parse("2025-03-04T05:06:07.123456789Z");
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", withNanos));

        Passkey found = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();

        assertThat(found.createdAt().truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(withNanos.truncatedTo(ChronoUnit.MICROS));
        assertThat(found.lastUsedAt().truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(withNanos.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    public void duplicateCredentialIdIsRefusedAndNothingChanges() {
        Passkey first = passkey("Y3JlZC0x", "dXNlci0x", T0);
        passkeys().add(first);
        Passkey sameIdOtherUser = barePasskey("Y3JlZC0x", "dXNlci0y", T0.plusSeconds(60));

        assertThatThrownBy(() -> passkeys().add(sameIdOtherUser))
                .isInstanceOfSatisfying(
                        PasskeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(PasskeyException.Reason.CREDENTIAL_ALREADY_REGISTERED));

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(first);
        assertThat(passkeys().findByUserHandle("dXNlci0y")).isEmpty();
    }

    @Test
    public void findByUserHandleListsOnlyThatUsersPasskeysOldestFirst() {
        Passkey newest = passkey("Y3JlZC0z", "dXNlci0x", T0.plusSeconds(120));
        Passkey oldest = barePasskey("Y3JlZC0y", "dXNlci0x", T0);
        Passkey middle = passkey("Y3JlZC0x", "dXNlci0x", T0.plusSeconds(60));
        Passkey otherUsers = passkey("Y3JlZC0w", "dXNlci0y", T0.minusSeconds(60));
        passkeys().add(newest);
        passkeys().add(otherUsers);
        passkeys().add(oldest);
        passkeys().add(middle);

        assertThat(passkeys().findByUserHandle("dXNlci0x")).containsExactly(oldest, middle, newest);
        assertThat(passkeys().findByUserHandle("dXNlci0y")).containsExactly(otherUsers);
        assertThat(passkeys().findByUserHandle("bm9ib2R5")).isNotNull().isEmpty();
    }

    @Test
    public void passkeysMadeInTheSameMicrosecondAreOrderedByCredentialId() {
        Passkey b = passkey("Y3JlZC1i", "dXNlci0x", T0);
        Passkey a = passkey("Y3JlZC1h", "dXNlci0x", T0);
        passkeys().add(b);
        passkeys().add(a);

        assertThat(passkeys().findByUserHandle("dXNlci0x")).containsExactly(a, b);
    }

    @Test
    public void aSignInThenNewSettingsChangeExactlyTheirFields() {
        Passkey added = Passkey.builder()
                .credentialId("Y3JlZC0x")
                .userHandle("dXNlci0y")
                .publicKey("bmV3LWtleQ")
                .signCount(7)
                .aaguid(UUID.fromString("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"))
                .transports(Set.of("usb", "nfc"))
                .backupEligible(true)
                .createdAt(T0.plusSeconds(1))
                .name("YubiKey 5")
                .authenticatorAttachment("cross-platform")
                .discoverable(false)
                .attestationFormat("none")
                .build();
        passkeys().add(added);
        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(added);

        Passkey used = added.usedAt(T0.plusSeconds(7200), 8, true, true);
        assertThat(passkeys().recordUse(used, 7)).isTrue();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(used);

        Passkey renamed = used.withName("Work key").withEnabled(false);
        assertThat(passkeys().updateSettings(renamed)).isTrue();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).contains(renamed);
    }

    @Test
    public void writesToAMissingPasskeyReturnFalseAndWriteNothing() {
        Passkey missing = passkey("Y3JlZC0x", "dXNlci0x", T0);
        assertThat(passkeys().updateSettings(missing)).isFalse();
        assertThat(passkeys().recordUse(missing, missing.signCount())).isFalse();

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).isEmpty();
    }

    @Test
    public void deleteRemovesOnlyThatPasskey() {
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", T0));
        passkeys().add(passkey("Y3JlZC0y", "dXNlci0x", T0.plusSeconds(1)));

        assertThat(passkeys().delete("Y3JlZC0x")).isTrue();
        assertThat(passkeys().delete("Y3JlZC0x")).isFalse();

        assertThat(passkeys().findByCredentialId("Y3JlZC0x")).isEmpty();
        assertThat(passkeys().findByUserHandle("dXNlci0x"))
                .extracting(Passkey::credentialId)
                .containsExactly("Y3JlZC0y");
    }

    @Test
    public void deleteByUserHandleRemovesEveryPasskeyOfThatAccountOnly() {
        passkeys().add(passkey("Y3JlZC0x", "dXNlci0x", T0));
        passkeys().add(passkey("Y3JlZC0y", "dXNlci0x", T0.plusSeconds(1)));
        passkeys().add(passkey("Y3JlZC0z", "dXNlci0y", T0));

        assertThat(passkeys().deleteByUserHandle("dXNlci0x")).isEqualTo(2);
        assertThat(passkeys().deleteByUserHandle("dXNlci0x")).isZero();

        assertThat(passkeys().findByUserHandle("dXNlci0x")).isEmpty();
        assertThat(passkeys().findByCredentialId("Y3JlZC0z")).isPresent();
    }

    @Test
    public void isEnabledOnlyForAStoredEnabledPasskeyOfThatAccount() {
        Passkey stored = barePasskey("Y3JlZC0x", "dXNlci0x", T0).withEnabled(true);
        passkeys().add(stored);
        passkeys().add(barePasskey("Y3JlZC0y", "dXNlci0x", T0).withEnabled(true));
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0x")).isTrue();
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0y"))
                .as("another account")
                .isFalse();

        passkeys().updateSettings(stored.withEnabled(false));
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0x")).as("disabled").isFalse();
        assertThat(passkeys().isEnabled("Y3JlZC0y", "dXNlci0x"))
                .as("another passkey of the account")
                .isTrue();
        passkeys().updateSettings(stored.withEnabled(true));
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0x"))
                .as("enabled again")
                .isTrue();

        passkeys().delete("Y3JlZC0x");
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0x")).as("deleted").isFalse();
        assertThat(passkeys().isEnabled("bm9uZQ", "dXNlci0x"))
                .as("never stored")
                .isFalse();

        // Deleted, then registered again under the same credential ID by another account.
        passkeys().add(barePasskey("Y3JlZC0x", "dXNlci0y", T0).withEnabled(true));
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0x"))
                .as("now another account's")
                .isFalse();
        assertThat(passkeys().isEnabled("Y3JlZC0x", "dXNlci0y")).isTrue();
    }

    @Test
    public void unknownCredentialIdIsEmpty() {
        assertThat(passkeys().findByCredentialId("bm9uZQ")).isEmpty();
        assertThat(passkeys().delete("bm9uZQ")).isFalse();
    }

    @Test
    public void recordUseIsACompareAndSetOnTheCounterAndKeepsOtherFields() {
        Passkey stored =
                barePasskey("Y3JlZC0x", "dXNlci0x", T0).withName("Laptop").withEnabled(true);
        passkeys().add(stored);
        passkeys().updateSettings(stored.withName("Renamed meanwhile"));
        Passkey used = stored.usedAt(T0.plusSeconds(60), 5, true, true);

        assertThat(passkeys().recordUse(used, 4)).isFalse();
        assertThat(passkeys().findByCredentialId("Y3JlZC0x").orElseThrow().lastUsedAt())
                .isNull();
        assertThat(passkeys().recordUse(used, stored.signCount())).isTrue();
        assertThat(passkeys().recordUse(used, stored.signCount()))
                .as("the second racer loses")
                .isFalse();

        Passkey now = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();
        assertThat(now.signCount()).isEqualTo(5);
        assertThat(now.backupState()).isTrue();
        assertThat(now.lastUsedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(now.name()).isEqualTo("Renamed meanwhile");
        assertThat(passkeys().recordUse(used.usedAt(T0, 6, true, true), 5)).isTrue();
        assertThat(passkeys().recordUse(barePasskey("bm9uZQ", "dXNlci0x", T0), 0))
                .isFalse();
    }

    @Test
    public void recordUseLeavesADisabledPasskeyAsItIs() {
        Passkey stored =
                barePasskey("Y3JlZC0x", "dXNlci0x", T0).withName("Laptop").withEnabled(true);
        passkeys().add(stored);
        passkeys().updateSettings(stored.withEnabled(false));

        assertThat(passkeys().recordUse(stored.usedAt(T0.plusSeconds(60), 5, true, true), stored.signCount()))
                .as("a passkey disabled while its sign-in was verified")
                .isFalse();
        Passkey now = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();
        assertThat(now.signCount()).isEqualTo(stored.signCount());
        assertThat(now.lastUsedAt()).isNull();
    }

    @Test
    public void updateSettingsChangesOnlyNameAndEnabled() {
        Passkey stored =
                barePasskey("Y3JlZC0x", "dXNlci0x", T0).withName("Laptop").withEnabled(true);
        passkeys().add(stored);
        assertThat(passkeys().recordUse(stored.usedAt(T0.plusSeconds(60), 5, true, true), 0))
                .isTrue();

        // A rename built from the passkey as read before that sign-in: it must not write back counter 0.
        assertThat(passkeys().updateSettings(stored.withName("Work laptop").withEnabled(false)))
                .isTrue();

        Passkey now = passkeys().findByCredentialId("Y3JlZC0x").orElseThrow();
        assertThat(now.name()).isEqualTo("Work laptop");
        assertThat(now.enabled()).isFalse();
        assertThat(now.signCount()).isEqualTo(5);
        assertThat(now.lastUsedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(passkeys().updateSettings(barePasskey("bm9uZQ", "dXNlci0x", T0)))
                .isFalse();
    }

    /** A passkey with every field set to a value other than its default. */
    public static Passkey passkey(String credentialId, String userHandle, Instant createdAt) {
        return Passkey.builder()
                .credentialId(credentialId)
                .userHandle(userHandle)
                .publicKey("pQECAyYgASFYIB" + credentialId)
                .signCount(42)
                .aaguid(UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4"))
                .transports(Set.of("internal", "hybrid"))
                .backupEligible(true)
                .backupState(true)
                .uvInitialized(true)
                .createdAt(createdAt)
                .lastUsedAt(createdAt.plus(1, ChronoUnit.HOURS))
                .name("Google Password Manager")
                .enabled(true)
                .authenticatorAttachment("platform")
                .discoverable(true)
                .attestationFormat("packed")
                .attestationObject("o2NmbXRmcGFja2Vk" + credentialId)
                .clientDataJSON("eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0")
                .attestationTrusted(true)
                .build();
    }

    /** A passkey with every optional field at its default: no AAGUID, no transports, never used, no name. */
    public static Passkey barePasskey(String credentialId, String userHandle, Instant createdAt) {
        return Passkey.builder()
                .credentialId(credentialId)
                .userHandle(userHandle)
                .publicKey("pQECAyYgASFYIB" + credentialId)
                .createdAt(createdAt)
                .enabled(false)
                .build();
    }
}
