package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.SoftwareAuthenticator;
import io.github.passkeys4j.testing.Tamper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole sign-in under each algorithm (the assertion signature goes through BouncyCastle's provider instance, issue
 * 13): a signature over other bytes, with a changed byte, cut short, empty, or made by another passkey's key is
 * refused as a bad signature and changes nothing stored, while the honest one signs in.
 */
class AssertionSignatureRefusalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(CoseAlgorithm.class)
    void refusesEveryBadSignatureAndAcceptsTheGoodOne(CoseAlgorithm algorithm) {
        List<CoseAlgorithm> all = new ArrayList<>(CoseAlgorithm.DEFAULTS);
        if (!all.contains(algorithm)) all.add(algorithm);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator().withAlgorithms(algorithm.id());
        Fixture fx = new Fixture(authenticator, builder -> builder.algorithms(all));
        Passkey alices = fx.register("alice");
        Passkey bobs = fx.register("bob");

        fx.assertRefused(
                Reason.BAD_SIGNATURE,
                () -> fx.signIn(fx.assertion(StartAuthentication.discoverable(), new Tamper().corruptSignature())));
        for (UnaryOperator<byte[]> change : List.<UnaryOperator<byte[]>>of(
                sig -> flip(sig, sig.length - 1),
                sig -> flip(sig, sig.length / 2),
                sig -> Arrays.copyOf(sig, sig.length - 1),
                sig -> Arrays.copyOf(sig, sig.length + 1),
                sig -> new byte[0],
                sig -> new byte[sig.length])) {
            String honest = fx.assertion(StartAuthentication.discoverable(), new Tamper());
            fx.assertRefused(Reason.BAD_SIGNATURE, () -> fx.signIn(withSignature(honest, change)));
        }
        // Bob's key signs, the response names Alice's passkey and her user handle.
        Tamper bobSignsForAlice = new Tamper()
                .useCredential(bobs.credentialId())
                .credentialId(alices.credentialId())
                .userHandle(authenticator.credentials().get(0).userHandle());
        fx.assertRefused(
                Reason.BAD_SIGNATURE,
                () -> fx.signIn(fx.assertion(StartAuthentication.discoverable(), bobSignsForAlice)));

        AuthenticationResult result = fx.signIn(
                fx.assertion(StartAuthentication.discoverable(), new Tamper().useCredential(alices.credentialId())));
        assertThat(result.passkey().credentialId()).isEqualTo(alices.credentialId());
    }

    private static byte[] flip(byte[] signature, int index) {
        byte[] changed = signature.clone();
        changed[index] ^= 0x01;
        return changed;
    }

    private static String withSignature(String assertionJson, UnaryOperator<byte[]> change) {
        JsonNode root = JSON.readTree(assertionJson);
        ObjectNode response = (ObjectNode) root.get("response");
        byte[] signature =
                Base64.getUrlDecoder().decode(response.get("signature").asString());
        response.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(signature)));
        return JSON.writeValueAsString(root);
    }
}
