package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.store.Passkey;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The {@code Authentication} of a user who signed in with a passkey. Its principal is the application's own
 * {@link UserDetails}, and its authorities are the user's plus Spring Security's {@code FACTOR_WEBAUTHN}, so
 * {@code hasAuthority("FACTOR_WEBAUTHN")} tells how the user signed in.
 */
public final class PasskeyAuthenticationToken extends AbstractAuthenticationToken {

    // Kept in sessions (Spring Session JDBC and Redis serialise it; JSON: PasskeysJacksonModule): change only with a
    // migration in mind.
    private static final long serialVersionUID = 1L;

    private final UserDetails principal;
    private final transient Passkey passkey;
    private final String credentialId;
    // The passkey's account (its WebAuthn user handle); null in a token kept by an earlier version.
    private final @Nullable String userHandle;
    private final boolean userVerified;

    public PasskeyAuthenticationToken(
            UserDetails principal,
            Passkey passkey,
            boolean userVerified,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = Objects.requireNonNull(principal, "principal");
        this.passkey = passkey;
        this.credentialId = passkey.credentialId();
        this.userHandle = passkey.userHandle();
        this.userVerified = userVerified;
        setAuthenticated(true);
    }

    /** As read back from a session stored as JSON ({@link PasskeysJacksonModule}): without the passkey. */
    private PasskeyAuthenticationToken(
            UserDetails principal,
            String credentialId,
            @Nullable String userHandle,
            boolean userVerified,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = Objects.requireNonNull(principal, "principal");
        this.passkey = null;
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.userHandle = userHandle;
        this.userVerified = userVerified;
        setAuthenticated(true);
    }

    /**
     * This sign-in after a step-up: the same user and passkey, {@code factor} in place of the old
     * {@code FACTOR_WEBAUTHN}, and user-verified (a step-up requires it).
     */
    PasskeyAuthenticationToken steppedUp(GrantedAuthority factor) {
        List<GrantedAuthority> authorities = new ArrayList<>(getAuthorities());
        authorities.removeIf(a -> factor.getAuthority().equals(a.getAuthority()));
        authorities.add(factor);
        PasskeyAuthenticationToken token =
                new PasskeyAuthenticationToken(principal, credentialId, userHandle, true, authorities);
        token.setDetails(getDetails());
        return token;
    }

    /** This sign-in without the stored passkey object: what the session keeps (the credential ID stays). */
    PasskeyAuthenticationToken withoutPasskey() {
        PasskeyAuthenticationToken token =
                new PasskeyAuthenticationToken(principal, credentialId, userHandle, userVerified, getAuthorities());
        token.setDetails(getDetails());
        return token;
    }

    /**
     * The credential ID of the passkey the request's session signed in with, or {@code null}: the token's own, or,
     * when the app replaced the token but kept its {@code FACTOR_WEBAUTHN} (refreshing the principal after a rename,
     * say), the one the session remembers, which is also the one whose deletion signs the session out.
     */
    public static @Nullable String currentCredentialId(
            @Nullable Authentication authentication, HttpServletRequest request) {
        return PasskeyRevocationFilter.credentialIdOf(authentication, request);
    }

    @Override
    public UserDetails getPrincipal() {
        return principal;
    }

    /** Nothing secret is kept: the passkey proved possession once, there is no reusable credential. */
    @Override
    public Object getCredentials() {
        return null;
    }

    /** The credential ID (base64url) of the passkey used for this sign-in. */
    public String getCredentialId() {
        return credentialId;
    }

    /**
     * The user handle (base64url) of the passkey's account: revocation checks that the credential ID still belongs
     * to it. {@code null} only in a token a session kept from an earlier version.
     */
    public @Nullable String getUserHandle() {
        return userHandle;
    }

    /**
     * The passkey as stored right after this sign-in, for the request that signed in (its events and handlers);
     * {@code null} in later requests: the session keeps the sign-in without it, whatever stores the session.
     */
    public Passkey getPasskey() {
        return passkey;
    }

    /** Whether the authenticator verified the user (PIN, biometrics) during this sign-in or a later step-up. */
    public boolean isUserVerified() {
        return userVerified;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasskeyAuthenticationToken other
                && super.equals(other)
                && credentialId.equals(other.credentialId)
                && Objects.equals(userHandle, other.userHandle)
                && userVerified == other.userVerified;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), credentialId, userHandle, userVerified);
    }
}
