package dev.passkeys.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The W3C {@code PublicKeyCredentialRequestOptionsJSON}: serialized with Jackson it is what the browser's
 * {@code PublicKeyCredential.parseRequestOptionsFromJSON} takes. An empty {@code allowCredentials} asks for a
 * discoverable credential (a username-less sign-in).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PublicKeyCredentialRequestOptions(
        String challenge,
        Long timeout,
        String rpId,
        List<CredentialDescriptor> allowCredentials,
        String userVerification,
        List<String> hints,
        Map<String, Object> extensions) {

    public PublicKeyCredentialRequestOptions {
        allowCredentials = allowCredentials == null ? List.of() : List.copyOf(allowCredentials);
        hints = hints == null ? List.of() : List.copyOf(hints);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
