package io.github.passkeys4j.demo;

import io.github.passkeys4j.spring.security.PasskeyAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/** How the current user signed in, read from the factor authorities Spring Security 7 grants. */
enum SignInMethod {
    PASSKEY("passkey"),
    PASSWORD("password"),
    OTHER("other");

    private final String label;

    SignInMethod(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static SignInMethod of(Authentication authentication) {
        if (authentication instanceof PasskeyAuthenticationToken
                || hasAuthority(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)) {
            return PASSKEY;
        }
        if (hasAuthority(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return PASSWORD;
        }
        return OTHER;
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
