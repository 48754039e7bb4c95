package io.github.passkeys4j;

import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RelyingParty#toBuilder()}: every setting carried over; with other stores, both ceremonies run against them
 * and the original stores are not touched (what the starter's diagnostics page does).
 */
class RelyingPartyToBuilderTest {

    private final Fixture fx = new Fixture(b -> b.userVerification(UserVerification.PREFERRED)
            .ceremonyTimeout(Duration.ofMinutes(2))
            .maxPasskeysPerUser(3)
            .algorithms(java.util.List.of(CoseAlgorithm.RS256, CoseAlgorithm.ES256))
            .attestation(AttestationConveyance.DIRECT));

    @Test
    void carriesEverySettingOver() {
        RelyingParty copy = fx.rp.toBuilder().build();

        assertThat(copy.rpId()).isEqualTo(fx.rp.rpId());
        assertThat(copy.rpName()).isEqualTo("Example");
        assertThat(copy.origins()).isEqualTo(Set.of(ORIGIN));
        assertThat(copy.userVerification()).isEqualTo(UserVerification.PREFERRED);
        assertThat(copy.ceremonyTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(copy.maxPasskeysPerUser()).isEqualTo(3);
        assertThat(copy.clock()).isSameAs(fx.clock);
        assertThat(copy.providers()).isSameAs(fx.rp.providers());
        assertThat(copy.management().list("nobody")).isEmpty();
        assertThat(copy.algorithms()).containsExactly(CoseAlgorithm.RS256, CoseAlgorithm.ES256);
        assertThat(copy.startRegistration(StartRegistration.forUser("carol")).attestation())
                .isEqualTo("direct");
    }

    @Test
    void withOtherStoresTheCeremoniesLeaveTheOriginalStoresAlone() {
        RelyingParty throwaway = fx.rp.toBuilder()
                .passkeys(new InMemoryPasskeyRepository())
                .users(new InMemoryPasskeyUserRepository())
                .pendingCeremonies(new InMemoryPendingCeremonyStore(fx.clock, 4))
                .build();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

        String created = authenticator.register(throwaway.startRegistration(StartRegistration.forUser("test")), ORIGIN);
        throwaway.finishRegistration(FinishRegistration.of("test", created));
        String assertion = authenticator.authenticate(
                throwaway.startAuthentication(StartAuthentication.forAccount("test")), ORIGIN);
        AuthenticationResult result = throwaway.finishAuthentication(new FinishAuthentication(assertion));

        assertThat(result.user().accountId()).isEqualTo("test");
        assertThat(fx.state().writes()).as("writes to the original stores").isZero();
        assertThat(fx.users.findByAccountId("test")).isEmpty();
        assertThatThrownBy(() -> fx.rp.finishAuthentication(new FinishAuthentication(assertion)))
                .as("the original relying party knows neither the challenge nor the passkey")
                .isInstanceOf(PasskeyException.class);
    }
}
