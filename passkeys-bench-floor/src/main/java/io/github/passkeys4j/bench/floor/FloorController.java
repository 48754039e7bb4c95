package io.github.passkeys4j.bench.floor;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's passkey paths and JSON shapes, so the load generator drives this app exactly as it drives the demo.
 * Sign-up, password sign-in and the CSRF token are stand-ins (the set-up needs them; nothing is checked). A passkey
 * is kept as the SubjectPublicKeyInfo its registration response carries, and decoded again for each sign-in, as a
 * store's bytes would be.
 */
@RestController
final class FloorController {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
            <meta name="_csrf" content="floor"><meta name="_csrf_header" content="X-CSRF-TOKEN"></head>
            <body><button type="button" data-passkey-signin>Sign in with a passkey</button></body></html>
            """;
    /**
     * The implementation our verifier uses for ES256 (issue 13): Amazon Corretto Crypto Provider where it loads (this
     * app has it, as the demo does), else a BouncyCastle provider instance; neither registered globally.
     */
    private static final Provider ES256 = corretto().orElseGet(BouncyCastleProvider::new);

    private static Optional<Provider> corretto() {
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            return type.getMethod("getLoadingError").invoke(provider) == null
                    ? Optional.of(provider)
                    : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError absent) {
            return Optional.empty();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final Map<String, byte[]> publicKeys = new ConcurrentHashMap<>();

    @GetMapping(
            path = {"/login", "/passkeys/manage"},
            produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return PAGE;
    }

    @PostMapping({"/signup", "/login"})
    ResponseEntity<Void> passwordStandIn() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/")).build();
    }

    @PostMapping("/passkeys/registration/options")
    Map<String, Object> registrationOptions() {
        return Map.of(
                "rp", Map.of("id", "localhost", "name", "Floor"),
                "user", Map.of("id", random(16), "name", "floor", "displayName", "floor"),
                "challenge", random(32),
                "pubKeyCredParams", new Object[] {Map.of("type", "public-key", "alg", -7)});
    }

    @PostMapping("/passkeys/registration")
    ResponseEntity<Void> register(@RequestBody JsonNode body) {
        JsonNode credential = body.path("credential");
        publicKeys.put(
                credential.path("id").asString(),
                UNB64.decode(credential.path("response").path("publicKey").asString()));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/passkeys/authentication/options")
    Map<String, Object> authenticationOptions() {
        return Map.of("challenge", random(32), "rpId", "localhost", "userVerification", "required");
    }

    @PostMapping("/passkeys/authentication")
    ResponseEntity<Map<String, String>> authenticate(@RequestBody JsonNode body) throws GeneralSecurityException {
        byte[] key = publicKeys.get(body.path("id").asString());
        JsonNode response = body.path("response");
        if (key == null
                || !verify(
                        key,
                        UNB64.decode(response.path("authenticatorData").asString()),
                        UNB64.decode(response.path("clientDataJSON").asString()),
                        UNB64.decode(response.path("signature").asString()))) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(Map.of("redirectUrl", "/"));
    }

    /**
     * WebAuthn's ES256 check: the signature covers authenticatorData followed by SHA-256(clientDataJSON). The key is
     * decoded by the JDK, the signature checked by the provider passkeys-core's verifier uses.
     */
    private static boolean verify(byte[] spki, byte[] authenticatorData, byte[] clientData, byte[] signature)
            throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        Signature ecdsa = Signature.getInstance("SHA256withECDSA", ES256);
        ecdsa.initVerify(key);
        ecdsa.update(authenticatorData);
        ecdsa.update(MessageDigest.getInstance("SHA-256").digest(clientData));
        return ecdsa.verify(signature);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return B64.encodeToString(value);
    }
}
