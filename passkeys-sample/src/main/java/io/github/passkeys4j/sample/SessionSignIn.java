package io.github.passkeys4j.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The app's own sign-in and sign-out, outside Spring Security's login forms: after a passkey-only sign-up, after a
 * username change (the session then shows the new name), and after an account is deleted.
 */
@Component
class SessionSignIn {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** Signs {@code user} in to this browser's session, with a new session id (as a login form would). */
    void signIn(AcmeUser user, HttpServletRequest request, HttpServletResponse response) {
        request.getSession();
        request.changeSessionId();
        store(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
    }

    /** Replaces the signed-in principal, keeping how the user signed in (the authorities of the sign-in). */
    void refresh(AcmeUser user, Authentication current, HttpServletRequest request, HttpServletResponse response) {
        store(
                UsernamePasswordAuthenticationToken.authenticated(user, null, current.getAuthorities()),
                request,
                response);
    }

    void signOut(Authentication current, HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, current);
    }

    private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication.getPrincipal() instanceof AcmeUser user) {
            user.eraseCredentials(); // as Spring Security does after a sign-in: no hash kept in the session
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
