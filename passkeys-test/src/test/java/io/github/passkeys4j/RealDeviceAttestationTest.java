package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registrations recorded from real authenticators (YubiKeys, Windows TPMs, a Pixel, an iPhone; see
 * {@code vectors/real-device-registrations.json} for their source) replayed with {@link RecordedCeremonies} against the
 * challenge, origin and RP ID they answered, at a fixed time: each statement verifies, and a copy with one bit of its
 * signature flipped, its AAGUID changed or its certificate swapped is refused as {@code ATTESTATION_INVALID}.
 */
class RealDeviceAttestationTest {

    private static final List<Vector> VECTORS = load();

    record Vector(
            String name, String format, String rpId, String origin, String challenge, Instant at, String response) {
        @Override
        public String toString() {
            return name;
        }

        RegisteredCredential verify(String json) {
            return RecordedCeremonies.builder(rpId)
                    .origins(Set.of(origin))
                    // Security keys of these recordings were not asked for user verification.
                    .userVerification(UserVerification.PREFERRED)
                    .algorithms(List.of(CoseAlgorithm.values()))
                    .build()
                    .verifyRegistration(json, challenge, at);
        }

        void assertRefused(String json) {
            assertThatThrownBy(() -> verify(json))
                    .isInstanceOfSatisfying(
                            PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ATTESTATION_INVALID));
        }
    }

    static Stream<Vector> vectors() {
        return VECTORS.stream();
    }

    static Stream<Vector> signed() {
        return VECTORS.stream().filter(v -> !v.format().equals("apple"));
    }

    static Stream<Vector> withCertificates() {
        return VECTORS.stream().filter(v -> !v.format().equals("android-safetynet"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void verifiesTheRecordedStatement(Vector vector) {
        RegisteredCredential credential = vector.verify(vector.response());

        assertThat(credential.attestationFormat()).isEqualTo(vector.format());
        assertThat(credential.credentialId())
                .isEqualTo(JsonMapper.builder()
                        .build()
                        .readTree(vector.response())
                        .path("id")
                        .asString());
    }

    @ParameterizedTest
    @MethodSource("signed")
    void refusesTheStatementWithOneSignatureBitFlipped(Vector vector) {
        vector.assertRefused(StatementTamper.flipSignatureBit(vector.response()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void refusesTheStatementWhenTheAaguidIsChanged(Vector vector) {
        vector.assertRefused(StatementTamper.changeAaguid(vector.response()));
    }

    @ParameterizedTest
    @MethodSource("withCertificates")
    void refusesTheStatementWithAnotherDevicesCertificate(Vector vector) {
        // Another device's attestation certificate (two recordings here come from the same YubiKey).
        byte[] own = StatementTamper.certificate(vector.response());
        byte[] other = withCertificates()
                .map(v -> StatementTamper.certificate(v.response()))
                .filter(c -> !Arrays.equals(c, own))
                .findFirst()
                .orElseThrow();
        vector.assertRefused(StatementTamper.swapCertificate(vector.response(), other));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void refusesTheRecordingAgainstAnotherChallenge(Vector vector) {
        assertThatThrownBy(() -> RecordedCeremonies.builder(vector.rpId())
                        .origins(Set.of(vector.origin()))
                        .userVerification(UserVerification.PREFERRED)
                        .algorithms(List.of(CoseAlgorithm.values()))
                        .build()
                        .verifyRegistration(vector.response(), "AAAA" + vector.challenge(), vector.at()))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE_MISMATCH));
    }

    private static List<Vector> load() {
        try (InputStream in =
                RealDeviceAttestationTest.class.getResourceAsStream("/vectors/real-device-registrations.json")) {
            JsonMapper json = JsonMapper.builder().build();
            return json.readTree(in)
                    .path("vectors")
                    .valueStream()
                    .map(v -> new Vector(
                            v.path("name").asString(),
                            v.path("format").asString(),
                            v.path("rpId").asString(),
                            v.path("origin").asString(),
                            v.path("challenge").asString(),
                            Instant.parse(v.path("verifyAt").asString()),
                            json.writeValueAsString(v.path("response"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
