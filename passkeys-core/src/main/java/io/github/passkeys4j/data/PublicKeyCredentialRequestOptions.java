package io.github.passkeys4j.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The W3C {@code PublicKeyCredentialRequestOptionsJSON}: {@link #toJson()} gives what the browser's
 * {@code PublicKeyCredential.parseRequestOptionsFromJSON} takes. An empty {@code allowCredentials} asks for a
 * discoverable credential (a username-less sign-in).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PublicKeyCredentialRequestOptions(
        String challenge,
        @Nullable Long timeout,
        @Nullable String rpId,
        List<CredentialDescriptor> allowCredentials,
        @Nullable String userVerification,
        List<String> hints,
        Map<String, Object> extensions) {

    public PublicKeyCredentialRequestOptions {
        allowCredentials = allowCredentials == null ? List.of() : List.copyOf(allowCredentials);
        hints = hints == null ? List.of() : List.copyOf(hints);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * These options as the JSON text the browser's {@code PublicKeyCredential.parseRequestOptionsFromJSON} takes,
     * written by the library's own mapper (empty and absent members left out), whatever JSON settings the
     * application has.
     */
    public String toJson() {
        return OptionsJson.write(this);
    }
}
