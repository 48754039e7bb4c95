package io.github.passkeys4j.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The W3C {@code PublicKeyCredentialCreationOptionsJSON}: {@link #toJson()} gives what the browser's
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} takes. Binary members are base64url strings.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PublicKeyCredentialCreationOptions(
        RpEntity rp,
        UserEntity user,
        String challenge,
        List<CredentialParameters> pubKeyCredParams,
        @Nullable Long timeout,
        List<CredentialDescriptor> excludeCredentials,
        @Nullable AuthenticatorSelection authenticatorSelection,
        List<String> hints,
        @Nullable String attestation,
        Map<String, Object> extensions) {

    public PublicKeyCredentialCreationOptions {
        pubKeyCredParams = pubKeyCredParams == null ? List.of() : List.copyOf(pubKeyCredParams);
        excludeCredentials = excludeCredentials == null ? List.of() : List.copyOf(excludeCredentials);
        hints = hints == null ? List.of() : List.copyOf(hints);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * These options as the JSON text the browser's {@code PublicKeyCredential.parseCreationOptionsFromJSON} takes,
     * written by the library's own mapper (empty and absent members left out), whatever JSON settings the
     * application has.
     */
    public String toJson() {
        return OptionsJson.write(this);
    }

    public record RpEntity(String id, String name) {}

    public record UserEntity(String id, String name, String displayName) {}

    public record CredentialParameters(String type, long alg) {
        public static CredentialParameters publicKey(long coseAlgorithm) {
            return new CredentialParameters("public-key", coseAlgorithm);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthenticatorSelection(
            @Nullable String authenticatorAttachment,
            @Nullable String residentKey,
            @Nullable Boolean requireResidentKey,
            @Nullable String userVerification) {}
}
