package io.github.passkeys4j.testing;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/** The JSON, encoding and crypto helpers behind {@link SoftwareAuthenticator}. */
final class ResponseJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResponseJson() {}

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** {@code clientDataJSON} as a browser writes it: compact, members in the order of WebAuthn Level 3 §5.8.1.1. */
    static byte[] clientData(String honestType, String honestChallenge, String honestOrigin, Tamper tamper) {
        ObjectNode clientData = MAPPER.createObjectNode();
        clientData.put("type", tamper.clientDataType != null ? tamper.clientDataType : honestType);
        clientData.put("challenge", tamper.challenge != null ? tamper.challenge : honestChallenge);
        clientData.put("origin", tamper.origin != null ? tamper.origin : honestOrigin);
        clientData.put("crossOrigin", tamper.crossOrigin != null && tamper.crossOrigin);
        if (tamper.topOrigin != null) {
            clientData.put("topOrigin", tamper.topOrigin);
        }
        return MAPPER.writeValueAsBytes(clientData);
    }

    /** {@code RegistrationResponseJSON}, with the members Chrome's {@code toJSON()} gives. */
    static String registration(
            byte[] credentialId,
            byte[] clientData,
            byte[] authData,
            byte[] publicKeySpki,
            long algorithm,
            byte[] attestationObject,
            List<String> transports,
            boolean credProps,
            Tamper tamper) {
        ObjectNode root = credential(credentialId, tamper);
        ObjectNode response = root.putObject("response");
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(authData));
        transports.forEach(response.putArray("transports")::add);
        response.put("publicKey", b64(publicKeySpki));
        response.put("publicKeyAlgorithm", algorithm);
        response.put("attestationObject", b64(attestationObject));
        if (tamper.authenticatorAttachment != null) {
            root.put("authenticatorAttachment", tamper.authenticatorAttachment);
        }
        ObjectNode extensions = root.putObject("clientExtensionResults");
        if (credProps && tamper.credPropsRk != null) {
            extensions.putObject("credProps").put("rk", tamper.credPropsRk);
        }
        return MAPPER.writeValueAsString(root);
    }

    /** {@code AuthenticationResponseJSON}; {@code userHandle} is left out when {@code null}. */
    static String assertion(
            byte[] credentialId,
            byte[] clientData,
            byte[] authData,
            byte[] signature,
            String userHandle,
            Tamper tamper) {
        ObjectNode root = credential(credentialId, tamper);
        ObjectNode response = root.putObject("response");
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(authData));
        response.put("signature", b64(signature));
        if (userHandle != null) {
            response.put("userHandle", userHandle);
        }
        if (tamper.authenticatorAttachment != null) {
            root.put("authenticatorAttachment", tamper.authenticatorAttachment);
        }
        root.putObject("clientExtensionResults");
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode credential(byte[] credentialId, Tamper tamper) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", b64(credentialId));
        root.put("rawId", b64(credentialId));
        root.put("type", tamper.credentialType != null ? tamper.credentialType : "public-key");
        return root;
    }

    /** ES256: ECDSA over SHA-256, DER-encoded as WebAuthn wants it. */
    static byte[] sign(KeyPair keyPair, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    static String host(String origin) {
        String host = URI.create(origin).getHost();
        if (host == null) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        return host;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] unb64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
