package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.internal.ChainCoverage;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.spring.internal.Problems;
import io.github.passkeys4j.spring.internal.RequestFilter;
import io.github.passkeys4j.spring.internal.StorageFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

import java.io.IOException;
import java.util.Objects;

/**
 * Revoking a passkey ends what it opened: a request signed in with a passkey that is now deleted or disabled, or no
 * longer the account's it signed in for, is signed out (session invalidated, context cleared) and goes on as
 * anonymous, so the app's own rules send it to its login or answer 401. The check is one indexed lookup per request
 * of a passkey session, so it holds on every node and with any session store, from the request right after the
 * change. The passkey is known from the
 * {@link PasskeyAuthenticationToken}, or from the session when the app has since replaced the token with its own (one
 * that still carries {@code FACTOR_WEBAUTHN}).
 */
final class PasskeyRevocationFilter extends RequestFilter {

    /** The credential ID a session was signed in with; set by the sign-ins, removed at sign-out ({@link #forget}). */
    static final String SESSION_ATTRIBUTE = PasskeyRevocationFilter.class.getName() + ".CREDENTIAL_ID";

    /** The user handle of that passkey's account: a later step-up by another account's passkey forgets it. */
    static final String OWNER_ATTRIBUTE = PasskeyRevocationFilter.class.getName() + ".USER_HANDLE";

    /** Remembers in the session the passkey {@code token} signed in with. */
    static void remember(HttpServletRequest request, PasskeyAuthenticationToken token) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_ATTRIBUTE, token.getCredentialId());
            if (token.getUserHandle() != null) {
                session.setAttribute(OWNER_ATTRIBUTE, token.getUserHandle());
            }
        }
    }

    /**
     * A step-up of a session that the app's own token holds (a password sign-in, a replaced token) with a passkey of
     * the account {@code userHandle}: the session keeps the passkey it remembers only if that is of the same account.
     * A password sign-in over a passkey session without sign-out keeps the session's attributes, so without this the
     * next user's step-up would be signed out by the last user's passkey.
     */
    static void steppedUp(HttpServletRequest request, String userHandle) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(OWNER_ATTRIBUTE) instanceof String owner
                && !owner.equals(userHandle)) {
            forget(request, null, null);
        }
    }

    /**
     * A logout handler: a session kept through sign-out ({@code invalidateHttpSession(false)}) may next be someone
     * else's, whom the last user's passkey must not sign out. (Bound to the session, not to a name: the app may rename
     * the user, and a renamed session must still end with its passkey.)
     */
    static void forget(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            session.removeAttribute(OWNER_ATTRIBUTE);
        }
    }

    private static final Log log = LogFactory.getLog(PasskeyRevocationFilter.class);

    private final RelyingParty relyingParty;
    private final String basePath;
    private final PasskeysMessages messages;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();
    private RememberMeServices rememberMe; // the app's http.rememberMe(), if any
    private SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    PasskeyRevocationFilter(RelyingParty relyingParty, String basePath, PasskeysMessages messages) {
        this.relyingParty = relyingParty;
        this.basePath = basePath;
        this.messages = messages;
    }

    void setRememberMeServices(RememberMeServices rememberMe) {
        this.rememberMe = rememberMe;
    }

    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contextHolder) {
        this.contextHolder = contextHolder;
        this.logout.setSecurityContextHolderStrategy(contextHolder);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The first of the starter's filters in a chain: a request under the base path has met them.
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (uri.startsWith(basePath, contextPath.length()) && uri.startsWith(contextPath)) {
            ChainCoverage.seen(request);
        }
        Authentication authentication = contextHolder.getContext().getAuthentication();
        String credentialId = credentialIdOf(authentication, request);
        boolean revoked;
        try {
            revoked = credentialId != null && revoked(credentialId, ownerOf(authentication, request, credentialId));
        } catch (RuntimeException e) {
            if (!StorageFailures.isUnavailable(e)) {
                throw e;
            }
            // Cannot tell whether the passkey was revoked: refuse this request (fail closed) but keep the session,
            // which works again once the database answers.
            log.warn("Answered 503 to " + request.getMethod() + " " + request.getRequestURI() + ": cannot check "
                    + "whether the session's passkey was revoked, storage unavailable (" + StorageFailures.summary(e)
                    + ")");
            unavailable(request, response);
            return;
        }
        if (revoked) {
            log.info("Signing out a session of " + authentication.getName() + ": the passkey it signed in with was "
                    + "deleted or disabled, or is no longer its account's");
            logout.logout(request, response, authentication);
            if (rememberMe != null) {
                // The app's remember-me cookie would sign the browser in again at once, as a sign-in that no passkey
                // revokes: this browser forgets it, and this request goes on as a visitor's, not past the remember-me
                // filter with the cookie it still carries.
                rememberMe.loginFail(request, response);
                SecurityContext visitor = contextHolder.createEmptyContext();
                visitor.setAuthentication(new AnonymousAuthenticationToken(
                        "passkey-revoked", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
                contextHolder.setContext(visitor);
            }
        }
        chain.doFilter(request, response);
    }

    static String credentialIdOf(Authentication authentication, HttpServletRequest request) {
        if (authentication instanceof PasskeyAuthenticationToken token) {
            return token.getCredentialId();
        }
        HttpSession session = request.getSession(false);
        if (authentication == null
                || session == null
                || authentication.getAuthorities().stream()
                        .noneMatch(a -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(a.getAuthority()))) {
            return null;
        }
        return session.getAttribute(SESSION_ATTRIBUTE) instanceof String id ? id : null;
    }

    /** A problem body where the client reads JSON; else the app's own error page (Spring Boot's, say). */
    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        String accept = Objects.requireNonNullElse(request.getHeader("Accept"), "");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (accept.contains("json") || path.startsWith(basePath + "/")) {
            Problems.write(
                    request,
                    response,
                    Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.STORAGE_UNAVAILABLE_DETAIL),
                    messages);
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /**
     * Revoked when deleted, disabled, or no longer the account's it signed in for: a credential ID is the
     * authenticator's choice, so once deleted another account's authenticator may register it again. A session whose
     * account is unknown (kept from a version that did not record it) is signed out once, rather than trusted.
     */
    private boolean revoked(String credentialId, @Nullable String owner) {
        return owner == null || !relyingParty.management().isActive(credentialId, owner);
    }

    /** The user handle of the account that the session's passkey, {@code credentialId}, signed in for. */
    private static @Nullable String ownerOf(
            Authentication authentication, HttpServletRequest request, String credentialId) {
        if (authentication instanceof PasskeyAuthenticationToken token && token.getUserHandle() != null) {
            return token.getUserHandle();
        }
        HttpSession session = request.getSession(false);
        return session != null
                        && credentialId.equals(session.getAttribute(SESSION_ATTRIBUTE))
                        && session.getAttribute(OWNER_ATTRIBUTE) instanceof String owner
                ? owner
                : null;
    }
}
