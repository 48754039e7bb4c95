package io.github.passkeys4j.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The W3C {@code PublicKeyCredentialDescriptorJSON}: a credential named in allow or exclude lists. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CredentialDescriptor(String type, String id, List<String> transports) {

    public CredentialDescriptor {
        transports = transports == null ? List.of() : List.copyOf(transports);
    }

    public static CredentialDescriptor publicKey(String credentialId, java.util.Collection<String> transports) {
        return new CredentialDescriptor(
                "public-key", credentialId, transports == null ? List.of() : List.copyOf(transports));
    }
}
