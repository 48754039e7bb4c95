package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.PasskeyException;
import org.springframework.security.core.AuthenticationException;

/** A refused passkey sign-in, carrying the core's reason so the failure handler can name the failed check. */
public final class PasskeyAuthenticationException extends AuthenticationException {

    private final PasskeyException passkeyException;
    private final String credentialId;

    public PasskeyAuthenticationException(PasskeyException cause, String credentialId) {
        super(cause.getMessage(), cause);
        this.passkeyException = cause;
        this.credentialId = credentialId;
    }

    public PasskeyException getPasskeyException() {
        return passkeyException;
    }

    /** The credential ID the browser presented, when it could be read (for the Signal API); may be {@code null}. */
    public String getCredentialId() {
        return credentialId;
    }
}
