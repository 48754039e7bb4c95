package io.github.passkeys4j.internal;

import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.PasskeyException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks on a {@code PublicKeyCredential.toJSON()} object that come before any cryptography: it is an object, of
 * type {@code public-key}, and its {@code id} and {@code rawId} are present and agree. Unknown members are ignored, as
 * browsers add some.
 */
public final class CredentialJson {

    private static final JsonMapper MAPPER = CoreJson.MAPPER;

    private CredentialJson() {}

    /** The spec's AuthenticatorAttachment values; another value is not kept. */
    private static final java.util.Set<String> ATTACHMENTS = java.util.Set.of("platform", "cross-platform");

    /**
     * Checks the shape and returns the credential's {@code authenticatorAttachment} when it is one of the spec's
     * values, else {@code null} (it is a hint, so an unknown value does not refuse the credential).
     */
    public static String checkShape(String json) {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new PasskeyException(Reason.MALFORMED_RESPONSE, "The credential is not valid JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new PasskeyException(
                    Reason.MALFORMED_RESPONSE,
                    "The credential must be the JSON object given by PublicKeyCredential.toJSON().");
        }
        if (!"public-key".equals(root.path("type").asString(null))) {
            throw new PasskeyException(Reason.WRONG_TYPE, "The credential's type must be \"public-key\".");
        }
        String id = root.path("id").asString(null);
        String rawId = root.path("rawId").asString(null);
        if (id == null || id.isEmpty() || !id.equals(rawId)) {
            throw new PasskeyException(
                    Reason.MALFORMED_RESPONSE, "The credential's id or rawId is missing, or they differ.");
        }
        if (!root.path("response").isObject()) {
            throw new PasskeyException(Reason.MALFORMED_RESPONSE, "The credential has no response object.");
        }
        String attachment = root.path("authenticatorAttachment").asString(null);
        return attachment != null && ATTACHMENTS.contains(attachment) ? attachment : null;
    }
}
