package io.github.passkeys4j.spring.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An unverified passkey sign-in: the browser's credential JSON, handed to {@link PasskeyAuthenticationProvider}. */
final class PasskeyAuthenticationRequest extends AbstractAuthenticationToken {

    private final String credentialJson;

    public PasskeyAuthenticationRequest(String credentialJson) {
        super(List.of());
        this.credentialJson = credentialJson;
        setAuthenticated(false);
    }

    public String getCredentialJson() {
        return credentialJson;
    }

    @Override
    public Object getCredentials() {
        return credentialJson;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
