package io.github.passkeys4j.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Recovery for an account that lost its passkeys: signs the user in with a <em>recovery session</em> that may only add
 * a passkey. The starter's recovery codes ({@code POST <base>/recovery}) end here; so can an app's own recovery, such
 * as an e-mail link: verify your proof, then call {@link #signInForRecovery} and send the user to the URL it returns.
 *
 * <p>A recovery session's only authority is {@value #AUTHORITY} (a {@link FactorGrantedAuthority}, none of the
 * user's roles), and until it signs in with a passkey the starter lets it reach only the passkeys page, adding a
 * passkey, signing in with a passkey and signing out; any other page is sent to the passkeys page and any other call
 * answered 403 ({@code RECOVERY_SESSION_LIMITED}). Tell it apart with {@link #isRecoverySession}.
 */
public final class PasskeyRecovery {

    /** The authority of a recovery session, and its only one. */
    public static final String AUTHORITY = "FACTOR_PASSKEY_RECOVERY";

    private final UserDetailsService users;
    private final String addPasskeyPath;
    private final Clock clock;
    private final AccountStatusUserDetailsChecker statusChecker = new AccountStatusUserDetailsChecker();
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy contextHolder;

    /**
     * With the session handling of a default Spring Security chain: a new session id, the context saved in the
     * session (the starter's own {@code POST <base>/recovery} uses its chain's handling instead).
     *
     * @param basePath the starter's base path ({@code /passkeys}); the recovery ends on its passkeys page
     */
    public PasskeyRecovery(UserDetailsService users, String basePath, Clock clock) {
        this(
                users,
                basePath + "/manage?recovery",
                clock,
                new ChangeSessionIdAuthenticationStrategy(),
                new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()),
                SecurityContextHolder.getContextHolderStrategy());
    }

    private PasskeyRecovery(
            UserDetailsService users,
            String addPasskeyPath,
            Clock clock,
            SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository,
            SecurityContextHolderStrategy contextHolder) {
        this.users = Objects.requireNonNull(users, "users");
        this.addPasskeyPath = addPasskeyPath;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionStrategy = Objects.requireNonNull(sessionStrategy, "sessionStrategy");
        this.contextRepository = Objects.requireNonNull(contextRepository, "contextRepository");
        this.contextHolder = Objects.requireNonNull(contextHolder, "contextHolder");
    }

    /** The same recovery with a chain's own session handling (as the configurer has it). */
    public PasskeyRecovery withSessionHandling(
            SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository,
            SecurityContextHolderStrategy contextHolder) {
        return new PasskeyRecovery(users, addPasskeyPath, clock, sessionStrategy, contextRepository, contextHolder);
    }

    /**
     * Signs {@code username} in with a recovery session (a new session id, the context saved as for a form login)
     * and returns where to send the user: the passkeys page, which then asks for a new passkey.
     *
     * @throws org.springframework.security.core.AuthenticationException when the user does not exist or cannot sign
     *                                                                    in (disabled, locked, expired)
     */
    public String signInForRecovery(HttpServletRequest request, HttpServletResponse response, String username) {
        UserDetails user = users.loadUserByUsername(username);
        statusChecker.check(user);
        Authentication recovery = UsernamePasswordAuthenticationToken.authenticated(
                SessionPrincipals.withoutCredentials(user),
                null,
                List.of(FactorGrantedAuthority.withAuthority(AUTHORITY)
                        .issuedAt(clock.instant())
                        .build()));
        sessionStrategy.onAuthentication(recovery, request, response);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(recovery);
        contextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        return request.getContextPath() + addPasskeyPath;
    }

    /** Whether {@code authentication} is a recovery session (it may only add a passkey). */
    public static boolean isRecoverySession(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()))
                && authentication.getAuthorities().stream()
                        .noneMatch(a -> FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(a.getAuthority()));
    }
}
