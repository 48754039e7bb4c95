package io.github.passkeys4j;

import com.webauthn4j.converter.util.ObjectConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Changes one thing in the attestation object of a registration response (JSON text) and leaves the rest, bytes and
 * all, as they were: the tampered copies of recorded and software-made statements that a relying party must refuse.
 */
final class StatementTamper {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CBOR = new ObjectConverter();
    /** authData: rpIdHash (32), flags (1), signCount (4), then the attested credential data, AAGUID first. */
    private static final int AAGUID_OFFSET = 37;

    private StatementTamper() {}

    /** One bit of the statement's signature flipped ({@code sig}, or the JWS signature of a SafetyNet response). */
    static String flipSignatureBit(String response) {
        return rewrite(response, attestation -> {
            ObjectNode statement = (ObjectNode) attestation.get("attStmt");
            if (statement.has("sig")) {
                byte[] sig = statement.get("sig").binaryValue();
                sig[sig.length / 2] ^= 0x01;
                statement.put("sig", sig);
            } else if (statement.has("response")) {
                String jws = new String(statement.get("response").binaryValue(), StandardCharsets.US_ASCII);
                int dot = jws.lastIndexOf('.');
                byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
                signature[signature.length / 2] ^= 0x01;
                String changed = jws.substring(0, dot + 1)
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
                statement.put("response", changed.getBytes(StandardCharsets.US_ASCII));
            } else {
                throw new IllegalArgumentException("this statement has no signature");
            }
        });
    }

    /** The AAGUID in the authenticator data changed (one bit), statement untouched. */
    static String changeAaguid(String response) {
        return rewrite(response, attestation -> {
            byte[] authData = attestation.get("authData").binaryValue();
            authData[AAGUID_OFFSET] ^= 0x01;
            attestation.put("authData", authData);
        });
    }

    /** The statement's {@code alg} said to be RS256 (-257), signature untouched. */
    static String relabelAlgorithmAsRs256(String response) {
        return rewrite(response, attestation -> ((ObjectNode) attestation.get("attStmt")).put("alg", -257));
    }

    /** The statement's attestation certificate ({@code x5c[0]}) replaced by {@code certificate} (DER). */
    static String swapCertificate(String response, byte[] certificate) {
        return rewrite(response, attestation -> {
            ArrayNode x5c = (ArrayNode) attestation.get("attStmt").get("x5c");
            x5c.set(0, x5c.binaryNode(certificate));
        });
    }

    /** The DER attestation certificate ({@code x5c[0]}) of a response's statement. */
    static byte[] certificate(String response) {
        return attestationObject(response).get("attStmt").get("x5c").get(0).binaryValue();
    }

    private static ObjectNode attestationObject(String response) {
        String encoded = JSON.readTree(response)
                .path("response")
                .path("attestationObject")
                .asString();
        return (ObjectNode) CBOR.getCborMapper().readTree(Base64.getUrlDecoder().decode(encoded));
    }

    private static String rewrite(String response, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(response);
        ObjectNode attestation = attestationObject(response);
        change.accept(attestation);
        byte[] bytes = CBOR.getCborMapper().writeValueAsBytes(attestation);
        ((ObjectNode) root.get("response"))
                .put(
                        "attestationObject",
                        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        JsonNode untouched = root.path("response").path("authenticatorData");
        if (!untouched.isMissingNode()) {
            // Browsers repeat authData beside the attestation object; keep the copy in step with the change.
            ((ObjectNode) root.get("response"))
                    .put(
                            "authenticatorData",
                            Base64.getUrlEncoder()
                                    .withoutPadding()
                                    .encodeToString(attestation.get("authData").binaryValue()));
        }
        return JSON.writeValueAsString(root);
    }
}
