package io.github.passkeys4j.data;

import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.AuthenticatorSelection;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.CredentialParameters;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.RpEntity;
import io.github.passkeys4j.data.PublicKeyCredentialCreationOptions.UserEntity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The options write their own W3C JSON, the same whatever mapper the application has. */
class OptionsToJsonTest {

    private static final JsonMapper READER = JsonMapper.builder().build();

    @Test
    void creationOptionsWriteW3cMemberNamesAndLeaveOutEmptyOnes() {
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new RpEntity("example.com", "Example"),
                new UserEntity("dXNlcg", "alice", "Alice"),
                "Y2hhbGxlbmdl",
                List.of(CredentialParameters.publicKey(-7)),
                300_000L,
                List.of(),
                new AuthenticatorSelection(null, "required", true, "required"),
                List.of(),
                "none",
                Map.of("credProps", true));

        JsonNode json = READER.readTree(options.toJson());

        assertThat(json.path("rp").path("id").asString()).isEqualTo("example.com");
        assertThat(json.path("user").path("displayName").asString()).isEqualTo("Alice");
        assertThat(json.path("pubKeyCredParams").get(0).path("alg").asLong()).isEqualTo(-7);
        assertThat(json.path("authenticatorSelection").path("residentKey").asString())
                .isEqualTo("required");
        assertThat(json.path("authenticatorSelection").has("authenticatorAttachment"))
                .isFalse();
        assertThat(json.path("extensions").path("credProps").asBoolean()).isTrue();
        assertThat(json.has("excludeCredentials")).isFalse();
        assertThat(json.has("hints")).isFalse();
        assertThat(options.toJson()).isEqualTo(READER.writeValueAsString(options));
    }

    @Test
    void requestOptionsWriteW3cMemberNamesWhateverTheApplicationsMapperDoes() {
        PublicKeyCredentialRequestOptions options = new PublicKeyCredentialRequestOptions(
                "Y2hhbGxlbmdl",
                300_000L,
                "example.com",
                List.of(CredentialDescriptor.publicKey("Y3JlZA", List.of("usb"))),
                "required",
                null,
                null);
        JsonMapper snakeCase = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        assertThat(snakeCase.writeValueAsString(options)).contains("allow_credentials");

        JsonNode json = READER.readTree(options.toJson());

        assertThat(json.path("rpId").asString()).isEqualTo("example.com");
        assertThat(json.path("userVerification").asString()).isEqualTo("required");
        assertThat(json.path("allowCredentials").get(0).path("id").asString()).isEqualTo("Y3JlZA");
        assertThat(json.path("allowCredentials").get(0).path("type").asString()).isEqualTo("public-key");
        assertThat(json.has("hints")).isFalse();
        assertThat(json.has("extensions")).isFalse();
    }
}
