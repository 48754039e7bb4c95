package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.CoseAlgorithm;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.StartRegistration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code passkeys.registration.*}: algorithms, attestation, trusted roots and AAGUIDs, and the set-ups that stop. */
class RegistrationPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PasskeysAutoConfiguration.class));

    private static String attestationAsked(RelyingParty rp) {
        return rp.startRegistration(StartRegistration.forUser("alice")).attestation();
    }

    @Test
    void defaultsOfferTheRecommendedAlgorithmsAndAskForNoAttestation() {
        runner.run(context -> {
            RelyingParty rp = context.getBean(RelyingParty.class);
            assertThat(rp.algorithms()).isEqualTo(CoseAlgorithm.DEFAULTS);
            assertThat(attestationAsked(rp)).isEqualTo("none");
        });
    }

    @Test
    void algorithmsAndAttestationAreBound() {
        runner.withPropertyValues(
                        "passkeys.registration.algorithms=eddsa,ES256,rs1",
                        "passkeys.registration.attestation=enterprise")
                .run(context -> {
                    RelyingParty rp = context.getBean(RelyingParty.class);
                    assertThat(rp.algorithms())
                            .containsExactly(CoseAlgorithm.EDDSA, CoseAlgorithm.ES256, CoseAlgorithm.RS1);
                    assertThat(attestationAsked(rp)).isEqualTo("enterprise");
                });
    }

    @Test
    void trustedRootsAskForDirectAttestation() {
        runner.withPropertyValues(
                        "passkeys.registration.trusted-roots=classpath:attestation/yubico-u2f-root-ca-457200631.pem",
                        "passkeys.registration.allowed-aaguids=cb69481e-8ff7-4039-93ec-0a2729a154a8")
                .run(context -> assertThat(attestationAsked(context.getBean(RelyingParty.class)))
                        .isEqualTo("direct"));
    }

    @Test
    void aRootsFileWithoutCertificatesStopsTheApp() {
        runner.withPropertyValues("passkeys.registration.trusted-roots=classpath:attestation/empty.pem")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageContaining("passkeys.registration.trusted-roots")
                        .hasMessageContaining("empty.pem"));
    }

    @Test
    void allowedAaguidsWithoutRootsStopTheApp() {
        runner.withPropertyValues("passkeys.registration.allowed-aaguids=cb69481e-8ff7-4039-93ec-0a2729a154a8")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageContaining("passkeys.registration.allowed-aaguids needs"));
    }

    @Test
    void noAlgorithmStopsTheApp() {
        runner.withPropertyValues("passkeys.registration.algorithms=")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidPasskeysPropertiesException.class)
                        .hasMessageContaining("passkeys.registration.algorithms is empty"));
    }
}
