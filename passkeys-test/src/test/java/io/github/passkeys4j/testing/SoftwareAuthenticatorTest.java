package io.github.passkeys4j.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import io.github.passkeys4j.data.CredentialDescriptor;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.RpEntity;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.UserEntity;
import io.github.passkeys4j.data.PublicKeyCredentialRequestOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authenticator's output is what a browser and a real authenticator would give, checked without RelyingParty. */
class SoftwareAuthenticatorTest {

    private static final String ORIGIN = "https://example.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unb64(JsonNode node) {
        assertThat(node.asString()).isNotEmpty().doesNotContain("=", "+", "/");
        return Base64.getUrlDecoder().decode(node.asString());
    }

    private static PublicKeyCredentialCreationOptions creation(
            String user, List<CredentialDescriptor> exclude, long... algs) {
        return new PublicKeyCredentialCreationOptions(
                new RpEntity("example.com", "Example"),
                new UserEntity(b64(user.getBytes()), user, user),
                b64(new byte[32]),
                java.util.Arrays.stream(algs)
                        .mapToObj(CredentialParameters::publicKey)
                        .toList(),
                60_000L,
                exclude,
                null,
                List.of(),
                "none",
                Map.of("credProps", true));
    }

    private static PublicKeyCredentialRequestOptions request(List<CredentialDescriptor> allow) {
        return new PublicKeyCredentialRequestOptions(
                b64(new byte[] {1, 2, 3}), 60_000L, "example.com", allow, "required", List.of(), Map.of());
    }

    @Test
    void registersWithTheW3cJsonOfABrowser() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

        JsonNode credential = JSON.readTree(authenticator.register(creation("alice", List.of(), -7, -257), ORIGIN));

        assertThat(credential.path("type").asString()).isEqualTo("public-key");
        assertThat(credential.path("rawId").asString())
                .isEqualTo(credential.path("id").asString());
        assertThat(credential.path("authenticatorAttachment").asString()).isEqualTo("platform");
        assertThat(credential
                        .path("clientExtensionResults")
                        .path("credProps")
                        .path("rk")
                        .asBoolean())
                .isTrue();
        JsonNode response = credential.path("response");
        assertThat(response.path("transports").valueStream().map(JsonNode::asString))
                .containsExactly("hybrid", "internal");
        assertThat(response.path("publicKeyAlgorithm").asLong()).isEqualTo(-7);
        JsonNode clientData = JSON.readTree(unb64(response.path("clientDataJSON")));
        assertThat(clientData.propertyNames()).containsExactly("type", "challenge", "origin", "crossOrigin");
        assertThat(clientData.path("type").asString()).isEqualTo("webauthn.create");
        assertThat(clientData.path("challenge").asString()).isEqualTo(b64(new byte[32]));
        assertThat(clientData.path("origin").asString()).isEqualTo(ORIGIN);
        assertThat(clientData.path("crossOrigin").asBoolean(true)).isFalse();

        AttestationObject attestation =
                new AttestationObjectConverter(CONVERTER).convert(unb64(response.path("attestationObject")));
        assertThat(attestation.getFormat()).isEqualTo("none");
        AuthenticatorData<?> authData = attestation.getAuthenticatorData();
        assertThat(authData.isFlagUP()
                        && authData.isFlagUV()
                        && authData.isFlagBE()
                        && authData.isFlagBS()
                        && authData.isFlagAT())
                .isTrue();
        assertThat(authData.getSignCount()).isZero();
        assertThat(authData.getAttestedCredentialData().getAaguid().getValue())
                .isEqualTo(SoftwareAuthenticator.GOOGLE_PASSWORD_MANAGER);
        assertThat(b64(authData.getAttestedCredentialData().getCredentialId()))
                .isEqualTo(credential.path("id").asString());
        COSEKey coseKey = authData.getAttestedCredentialData().getCOSEKey();
        assertThat(coseKey.getPublicKey()).isEqualTo(spki(response));
        assertThat(unb64(response.path("authenticatorData")))
                .isEqualTo(new AuthenticatorDataConverter(CONVERTER).convert(authData));

        SoftwareAuthenticator.Credential held = authenticator.credentials().get(0);
        assertThat(held)
                .isEqualTo(new SoftwareAuthenticator.Credential(
                        credential.path("id").asString(), "example.com", b64("alice".getBytes()), 0));
    }

    @Test
    void signsAssertionsThatVerifyWithTheRegisteredKey() throws Exception {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        PublicKey publicKey = spki(JSON.readTree(authenticator.register(creation("alice", List.of(), -7), ORIGIN))
                .path("response"));

        JsonNode assertion = JSON.readTree(authenticator.authenticate(request(List.of()), ORIGIN));

        JsonNode response = assertion.path("response");
        assertThat(response.path("userHandle").asString()).isEqualTo(b64("alice".getBytes()));
        assertThat(JSON.readTree(unb64(response.path("clientDataJSON")))
                        .path("type")
                        .asString())
                .isEqualTo("webauthn.get");
        assertThat(verifies(publicKey, response)).isTrue();
        AuthenticatorData<?> authData =
                new AuthenticatorDataConverter(CONVERTER).convert(unb64(response.path("authenticatorData")));
        assertThat(authData.isFlagAT()).isFalse();
        assertThat(authData.getSignCount()).isEqualTo(1);

        JsonNode corrupt =
                JSON.readTree(authenticator.authenticate(request(List.of()), ORIGIN, new Tamper().corruptSignature()));
        assertThat(verifies(publicKey, corrupt.path("response"))).isFalse();
    }

    @Test
    void countsFromTheConfiguredValueByTheConfiguredStep() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(new UUID(0, 0), 10, 5);
        authenticator.register(creation("alice", List.of(), -7), ORIGIN);

        authenticator.authenticate(request(List.of()), ORIGIN);
        assertThat(authenticator.credentials().get(0).signCount()).isEqualTo(15);
        authenticator.authenticate(request(List.of()), ORIGIN, new Tamper().signCount(3));
        assertThat(authenticator.credentials().get(0).signCount()).isEqualTo(3);
        authenticator.authenticate(request(List.of()), ORIGIN);
        assertThat(authenticator.credentials().get(0).signCount()).isEqualTo(8);
    }

    @Test
    void picksAnAllowedCredentialOrElseTheNewest() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        authenticator.register(creation("alice", List.of(), -7), ORIGIN);
        authenticator.register(creation("bob", List.of(), -7), ORIGIN);
        String alices = authenticator.credentials().get(0).credentialId();
        String bobs = authenticator.credentials().get(1).credentialId();

        String allowed = JSON.readTree(authenticator.authenticate(
                        request(List.of(CredentialDescriptor.publicKey(alices, null))), ORIGIN))
                .path("id")
                .asString();
        String newest = JSON.readTree(authenticator.authenticate(request(List.of()), ORIGIN))
                .path("id")
                .asString();
        String chosen = JSON.readTree(
                        authenticator.authenticate(request(List.of()), ORIGIN, new Tamper().useCredential(alices)))
                .path("id")
                .asString();

        assertThat(allowed).isEqualTo(alices);
        assertThat(newest).isEqualTo(bobs);
        assertThat(chosen).isEqualTo(alices);
    }

    @Test
    void takesTheFirstOfferedAlgorithmItSupports() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator().withAlgorithms(-257, -8);
        JsonNode credential = JSON.readTree(authenticator.register(creation("alice", List.of(), -7, -8, -257), ORIGIN));

        assertThat(credential.path("response").path("publicKeyAlgorithm").asLong())
                .isEqualTo(-8);
        assertThatThrownBy(() -> authenticator.register(creation("bob", List.of(), -7), ORIGIN))
                .hasMessageContaining("NotSupportedError");
        assertThatThrownBy(() -> new SoftwareAuthenticator().withAlgorithms(-39))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLikeARealAuthenticator() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThatThrownBy(() -> authenticator.authenticate(request(List.of()), ORIGIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NotAllowedError");
        assertThatThrownBy(() -> authenticator.register(creation("alice", List.of(), -257), ORIGIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotSupportedError");
        authenticator.register(creation("alice", List.of(), -7), ORIGIN);
        String id = authenticator.credentials().get(0).credentialId();

        assertThatThrownBy(() -> authenticator.register(
                        creation("alice", List.of(CredentialDescriptor.publicKey(id, null)), -7), ORIGIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InvalidStateError");
        assertThatThrownBy(() -> authenticator.authenticate(
                        request(List.of(CredentialDescriptor.publicKey(b64(new byte[16]), null))), ORIGIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NotAllowedError");
        assertThat(authenticator.credentials()).hasSize(1);
    }

    @Test
    void readsOptionsFromServerJson() {
        PublicKeyCredentialCreationOptions creation = creation("alice", List.of(), -7, -8);
        PublicKeyCredentialRequestOptions request =
                request(List.of(CredentialDescriptor.publicKey("AAAA", List.of("usb"))));

        assertThat(SoftwareAuthenticator.creationOptions(JSON.writeValueAsString(creation)))
                .isEqualTo(creation);
        assertThat(SoftwareAuthenticator.requestOptions(
                        JSON.writeValueAsString(request).replaceFirst("\\{", "{\"mediation\":\"conditional\",")))
                .isEqualTo(request);
    }

    private static PublicKey spki(JsonNode response) {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(unb64(response.path("publicKey"))));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean verifies(PublicKey key, JsonNode response) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initVerify(key);
        signature.update(unb64(response.path("authenticatorData")));
        signature.update(
                java.security.MessageDigest.getInstance("SHA-256").digest(unb64(response.path("clientDataJSON"))));
        return signature.verify(unb64(response.path("signature")));
    }
}
