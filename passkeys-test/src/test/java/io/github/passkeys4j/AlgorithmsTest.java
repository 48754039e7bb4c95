package io.github.passkeys4j;

import com.webauthn4j.converter.util.ObjectConverter;
import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static io.github.passkeys4j.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each accepted algorithm registers and signs in with real JDK keys and signatures; RS1 only when the app lists it;
 * an algorithm the app leaves out is refused at registration and stores nothing.
 */
class AlgorithmsTest {

    private static final ObjectConverter CBOR = new ObjectConverter();

    @Test
    void advertisesTheDefaultsInOrderOfPreference() {
        Fixture fx = new Fixture();
        List<Long> offered = fx.rp.startRegistration(StartRegistration.forUser("alice")).pubKeyCredParams().stream()
                .map(CredentialParameters::alg)
                .toList();

        assertThat(offered).containsExactly(-7L, -8L, -35L, -36L, -37L, -38L, -257L);
        assertThat(CoseAlgorithm.DEFAULTS).doesNotContain(CoseAlgorithm.RS1);
    }

    @ParameterizedTest
    @EnumSource(
            value = CoseAlgorithm.class,
            names = {"RS1"},
            mode = EnumSource.Mode.EXCLUDE)
    void registersAndSignsInWithEachDefaultAlgorithm(CoseAlgorithm algorithm) {
        assertRegistersAndSignsIn(algorithm, builder -> {});
    }

    @Test
    void acceptsRs1WhenTheAppListsIt() {
        List<CoseAlgorithm> withRs1 = new ArrayList<>(CoseAlgorithm.DEFAULTS);
        withRs1.add(CoseAlgorithm.RS1);
        assertRegistersAndSignsIn(CoseAlgorithm.RS1, builder -> builder.algorithms(withRs1));
    }

    @Test
    void refusesRs1ByDefault() {
        assertRefusedAtRegistration(CoseAlgorithm.RS1, builder -> {});
    }

    @Test
    void refusesAnAlgorithmTheAppLeftOut() {
        assertRefusedAtRegistration(
                CoseAlgorithm.EDDSA, builder -> builder.algorithms(List.of(CoseAlgorithm.ES256, CoseAlgorithm.RS256)));
    }

    @Test
    void advertisesOnlyWhatTheAppLists() {
        Fixture fx = new Fixture(builder -> builder.algorithms(List.of(CoseAlgorithm.RS256, CoseAlgorithm.ES256)));
        assertThat(fx.rp.startRegistration(StartRegistration.forUser("alice")).pubKeyCredParams())
                .extracting(CredentialParameters::alg)
                .containsExactly(-257L, -7L);
    }

    private static void assertRegistersAndSignsIn(CoseAlgorithm algorithm, Consumer<RelyingParty.Builder> settings) {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator().withAlgorithms(algorithm.id());
        Fixture fx = new Fixture(authenticator, settings);

        Passkey passkey = fx.register("alice");
        AuthenticationResult result = fx.signIn(
                authenticator.authenticate(fx.rp.startAuthentication(StartAuthentication.discoverable()), ORIGIN));

        assertThat(coseAlgorithm(passkey)).isEqualTo(algorithm.id());
        assertThat(result.passkey().credentialId()).isEqualTo(passkey.credentialId());
        assertThat(result.passkey().signCount()).isEqualTo(1);
    }

    /** The authenticator makes a key for {@code algorithm} although the options did not offer it. */
    private static void assertRefusedAtRegistration(CoseAlgorithm algorithm, Consumer<RelyingParty.Builder> settings) {
        Fixture fx = new Fixture(settings);
        PublicKeyCredentialCreationOptions offered = fx.rp.startRegistration(StartRegistration.forUser("alice"));
        PublicKeyCredentialCreationOptions forced = new PublicKeyCredentialCreationOptions(
                offered.rp(),
                offered.user(),
                offered.challenge(),
                List.of(CredentialParameters.publicKey(algorithm.id())),
                offered.timeout(),
                offered.excludeCredentials(),
                offered.authenticatorSelection(),
                offered.hints(),
                offered.attestation(),
                offered.extensions());
        String response =
                new SoftwareAuthenticator().withAlgorithms(algorithm.id()).register(forced, ORIGIN);

        fx.assertRefused(
                Reason.ALGORITHM_NOT_ALLOWED, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", response)));
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    /** The {@code alg} (label 3) of a stored COSE key. */
    private static long coseAlgorithm(Passkey passkey) {
        byte[] key = Base64.getUrlDecoder().decode(passkey.publicKey());
        return CBOR.getCborMapper().readTree(key).get("3").asLong();
    }
}
