package io.github.passkeys4j.sample;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code app_user} as Spring Security sees it. Carries the account's id, which never changes: passkeys are
 * bound to it (see {@link SecurityConfig#accountIdResolver()}). {@code passwordHash} is {@code null} for accounts
 * that sign in with passkeys only.
 */
public final class AcmeUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private String passwordHash;
    private final Role role;

    public AcmeUser(long id, String username, String passwordHash, Role role) {
        this.id = id;
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = passwordHash;
        this.role = Objects.requireNonNull(role, "role");
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** The stored hash, or {@code null} for a passkey-only account (and after sign-in, when it is erased). */
    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** ADMIN accounts are users too; GUEST accounts have only ROLE_GUEST. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return switch (role) {
            case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"));
            case USER -> List.of(new SimpleGrantedAuthority("ROLE_USER"));
            case GUEST -> List.of(new SimpleGrantedAuthority("ROLE_GUEST"));
        };
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** What {@code app_user.role} holds. */
    public enum Role {
        USER,
        ADMIN,
        GUEST
    }
}
