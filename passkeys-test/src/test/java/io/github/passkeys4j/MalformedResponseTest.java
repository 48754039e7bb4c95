package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Anything that is not a well-formed {@code PublicKeyCredential.toJSON()} is refused as malformed, storing nothing. */
class MalformedResponseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Fixture fx = new Fixture();

    @BeforeEach
    void registerAlice() {
        fx.register("alice");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "{\"id\": ",
                "[]",
                "\"public-key\"",
                "null",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\"}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":\"x\"}",
                "{\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"BBBB\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%%\"}}",
                "{\"id\":\"%%%\",\"rawId\":\"%%%\",\"type\":\"public-key\",\"response\":{}}",
            })
    void refusesGarbage(String json) {
        fx.assertRefused(
                Reason.MALFORMED_RESPONSE, () -> fx.rp.finishRegistration(FinishRegistration.of("alice", json)));
        fx.assertRefused(Reason.MALFORMED_RESPONSE, () -> fx.signIn(json));
    }

    @Test
    void refusesAnAssertionWithoutRawId() {
        ObjectNode response =
                JSON.readValue(fx.assertion(StartAuthentication.discoverable(), new Tamper()), ObjectNode.class);
        response.remove("rawId");

        fx.assertRefused(Reason.MALFORMED_RESPONSE, () -> fx.signIn(response.toString()));
    }

    @Test
    void refusesARegistrationWithoutRawId() {
        ObjectNode response = JSON.readValue(fx.registrationResponse("bob", new Tamper()), ObjectNode.class);
        response.remove("rawId");

        fx.assertRefused(
                Reason.MALFORMED_RESPONSE,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response.toString())));
    }

    @Test
    void refusesARegistrationWhoseRawIdIsNotTheAttestedCredentialId() {
        // Found by RegistrationFuzzProperties: one bit flipped in the attested credential ID was stored, under an ID
        // the authenticator does not have.
        ObjectNode response = JSON.readValue(fx.registrationResponse("bob", new Tamper()), ObjectNode.class);
        response.put("id", "AAAAAAAAAAAAAAAAAAAAAA");
        response.put("rawId", "AAAAAAAAAAAAAAAAAAAAAA");

        fx.assertRefused(
                Reason.MALFORMED_RESPONSE,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response.toString())));
        assertThat(fx.rp.management().list("bob")).isEmpty();
    }

    @Test
    void refusesACredPropsRkThatIsNotABoolean() {
        // Found by RegistrationFuzzProperties: webauthn4j reads client extension results only while verifying, and its
        // Jackson error there ({"rk": [[true]]}) was a 500 on the web instead of a refusal.
        ObjectNode response = JSON.readValue(fx.registrationResponse("bob", new Tamper()), ObjectNode.class);
        ((ObjectNode) response.path("clientExtensionResults"))
                .putObject("credProps")
                .putArray("rk")
                .addArray()
                .add(true);
        fx.assertRefused(
                Reason.MALFORMED_RESPONSE,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response.toString())));
    }

    @Test
    void refusesARegistrationWithoutItsAttestationObject() {
        ObjectNode response = JSON.readValue(fx.registrationResponse("bob", new Tamper()), ObjectNode.class);
        ((ObjectNode) response.get("response")).remove("attestationObject");

        fx.assertRefused(
                Reason.MALFORMED_RESPONSE,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response.toString())));
    }

    @Test
    void refusesAnAssertionWithoutItsSignature() {
        ObjectNode response =
                JSON.readValue(fx.assertion(StartAuthentication.discoverable(), new Tamper()), ObjectNode.class);
        ((ObjectNode) response.get("response")).remove("signature");

        fx.assertRefused(Reason.MALFORMED_RESPONSE, () -> fx.signIn(response.toString()));
    }

    @Test
    void refusesClientDataThatIsNotJson() {
        ObjectNode response =
                JSON.readValue(fx.assertion(StartAuthentication.discoverable(), new Tamper()), ObjectNode.class);
        ((ObjectNode) response.get("response"))
                .put(
                        "clientDataJSON",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString("not json".getBytes(StandardCharsets.UTF_8)));

        fx.assertRefused(Reason.MALFORMED_RESPONSE, () -> fx.signIn(response.toString()));
    }

    @Test
    void refusesATruncatedAttestationObject() {
        ObjectNode response = JSON.readValue(fx.registrationResponse("bob", new Tamper()), ObjectNode.class);
        ObjectNode inner = (ObjectNode) response.get("response");
        inner.put("attestationObject", inner.get("attestationObject").asString().substring(0, 40));

        fx.assertRefused(
                Reason.MALFORMED_RESPONSE,
                () -> fx.rp.finishRegistration(FinishRegistration.of("bob", response.toString())));
    }

    @Test
    void refusesAnUnknownClientDataType() {
        String response = fx.assertion(StartAuthentication.discoverable(), new Tamper().clientDataType("payment.get"));

        fx.assertRefused(Reason.WRONG_TYPE, () -> fx.signIn(response));
    }

    @Test
    void ignoresMembersItDoesNotKnow() {
        ObjectNode response =
                JSON.readValue(fx.assertion(StartAuthentication.discoverable(), new Tamper()), ObjectNode.class);
        response.put("someFutureMember", 1);
        ((ObjectNode) response.get("response")).put("anotherOne", "x");

        assertThat(fx.signIn(response.toString()).user().username()).isEqualTo("alice");
    }
}
