package io.github.passkeys4j.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An unverified passkey sign-in: the browser's credential JSON, handed to {@link PasskeyAuthenticationProvider}. */
final class PasskeyAuthenticationRequest extends AbstractAuthenticationToken {

    private final String credentialJson;
    private final @Nullable String browserBinding;

    public PasskeyAuthenticationRequest(String credentialJson, @Nullable String browserBinding) {
        super(List.of());
        this.credentialJson = credentialJson;
        this.browserBinding = browserBinding;
        setAuthenticated(false);
    }

    public String getCredentialJson() {
        return credentialJson;
    }

    /** The sign-in cookie's value ({@link SignInBinding}), or {@code null} when the browser sent none. */
    public @Nullable String getBrowserBinding() {
        return browserBinding;
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
