package dev.passkeys.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The W3C {@code PublicKeyCredentialCreationOptionsJSON}: serialized with Jackson it is what the browser's
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} takes. Binary members are base64url strings.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PublicKeyCredentialCreationOptions(
        RpEntity rp,
        UserEntity user,
        String challenge,
        List<CredentialParameters> pubKeyCredParams,
        Long timeout,
        List<CredentialDescriptor> excludeCredentials,
        AuthenticatorSelection authenticatorSelection,
        List<String> hints,
        String attestation,
        Map<String, Object> extensions) {

    public PublicKeyCredentialCreationOptions {
        pubKeyCredParams = pubKeyCredParams == null ? List.of() : List.copyOf(pubKeyCredParams);
        excludeCredentials = excludeCredentials == null ? List.of() : List.copyOf(excludeCredentials);
        hints = hints == null ? List.of() : List.copyOf(hints);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public record RpEntity(String id, String name) {
    }

    public record UserEntity(String id, String name, String displayName) {
    }

    public record CredentialParameters(String type, long alg) {
        public static CredentialParameters publicKey(long coseAlgorithm) {
            return new CredentialParameters("public-key", coseAlgorithm);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthenticatorSelection(String authenticatorAttachment, String residentKey,
                                         Boolean requireResidentKey, String userVerification) {
    }
}
