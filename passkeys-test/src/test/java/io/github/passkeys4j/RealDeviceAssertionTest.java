package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assertions recorded from real authenticators (EC2, RSA and OKP keys; see {@code vectors/real-device-assertions.json}
 * for their source) replayed with {@link RecordedCeremonies} against the challenge, origin, RP ID and stored credential
 * they answered, at a fixed time: the results py_webauthn expects, and refusals for a flipped signature bit, a stored
 * counter already past the reported one, and another challenge.
 */
class RealDeviceAssertionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<JsonNode> VECTORS = load();

    static Stream<JsonNode> accepted() {
        return VECTORS.stream().filter(v -> !v.has("refusedAs"));
    }

    static Stream<JsonNode> refused() {
        return VECTORS.stream().filter(v -> v.has("refusedAs"));
    }

    private static RecordedCeremonies recorded(JsonNode v) {
        return RecordedCeremonies.builder(v.path("rpId").asString())
                .origins(Set.of(v.path("origin").asString()))
                .userVerification(
                        v.path("userVerificationRequired").asBoolean()
                                ? UserVerification.REQUIRED
                                : UserVerification.PREFERRED)
                .build();
    }

    private static Passkey stored(JsonNode v, long signCount) {
        JsonNode response = v.path("response");
        String userHandle = response.path("response").path("userHandle").asString("dXNlcg");
        return Passkey.builder()
                .credentialId(response.path("id").asString())
                .userHandle(userHandle)
                .publicKey(v.path("publicKey").asString())
                .signCount(signCount)
                .createdAt(AT)
                .build();
    }

    private static VerifiedAssertion replay(JsonNode v, String response, String challenge, long storedCount) {
        return recorded(v).verifyAuthentication(response, challenge, stored(v, storedCount), AT);
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void verifiesTheRecordedAssertion(JsonNode v) {
        VerifiedAssertion verified = replay(
                v,
                JSON.writeValueAsString(v.path("response")),
                v.path("challenge").asString(),
                v.path("storedSignCount").asLong());

        assertThat(verified.signCount()).isEqualTo(v.path("newSignCount").asLong());
        if (v.has("userVerified")) {
            assertThat(verified.userVerified()).isEqualTo(v.path("userVerified").asBoolean());
        }
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatPyWebauthnRefuses(JsonNode v) {
        assertRefused(
                Reason.valueOf(v.path("refusedAs").asString()),
                v,
                JSON.writeValueAsString(v.path("response")),
                v.path("challenge").asString(),
                v.path("storedSignCount").asLong());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void refusesTheAssertionWithOneSignatureBitFlipped(JsonNode v) {
        ObjectNode response = (ObjectNode) v.path("response").deepCopy();
        byte[] signature = Base64.getUrlDecoder()
                .decode(response.path("response").path("signature").asString());
        signature[signature.length / 2] ^= 0x01;
        ((ObjectNode) response.get("response"))
                .put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));

        assertRefused(
                Reason.BAD_SIGNATURE,
                v,
                JSON.writeValueAsString(response),
                v.path("challenge").asString(),
                v.path("storedSignCount").asLong());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void refusesACounterThatDidNotGoUp(JsonNode v) {
        assertRefused(
                Reason.SIGN_COUNTER_REGRESSED,
                v,
                JSON.writeValueAsString(v.path("response")),
                v.path("challenge").asString(),
                v.path("newSignCount").asLong());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void refusesTheAssertionAgainstAnotherChallenge(JsonNode v) {
        assertRefused(
                Reason.CHALLENGE_MISMATCH,
                v,
                JSON.writeValueAsString(v.path("response")),
                "AAAA" + v.path("challenge").asString(),
                v.path("storedSignCount").asLong());
    }

    private static void assertRefused(Reason reason, JsonNode v, String response, String challenge, long stored) {
        assertThatThrownBy(() -> replay(v, response, challenge, stored))
                .isInstanceOfSatisfying(
                        PasskeyException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static List<JsonNode> load() {
        try (InputStream in =
                RealDeviceAssertionTest.class.getResourceAsStream("/vectors/real-device-assertions.json")) {
            return JSON.readTree(in).path("vectors").valueStream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
