package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.SignUpResult;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.SignUpResponseContributor;
import io.github.passkeys4j.spring.event.PasskeyRegisteredEvent;
import io.github.passkeys4j.spring.event.PasskeyView;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs the new account of a sign-up in, as a passkey sign-in does: the app's own {@code UserDetails} with
 * {@code FACTOR_WEBAUTHN}, checked for account status, a new session id and CSRF token (the chain's session strategy),
 * the context saved. Then answers 201: {@code {"redirectUrl", "username", "signedIn", "passkey"}} plus what the
 * {@link SignUpResponseContributor}s add, the one place where a new account's extras (recovery codes) join the answer.
 */
final class SignUpSignIn {

    private static final Log log = LogFactory.getLog(SignUpSignIn.class);

    private final RelyingParty relyingParty;
    private final UserDetailsService users;
    private final PasskeySignUp signUp;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy holder;
    private final RequestCache requestCache;
    private final ApplicationEventPublisher events;
    private final AuthenticationEventPublisher authenticationEvents;
    private final AccountIdResolver accountIds;

    SignUpSignIn(
            RelyingParty relyingParty,
            UserDetailsService users,
            PasskeySignUp signUp,
            SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository,
            SecurityContextHolderStrategy holder,
            RequestCache requestCache,
            ApplicationEventPublisher events,
            AuthenticationEventPublisher authenticationEvents,
            AccountIdResolver accountIds) {
        this.relyingParty = relyingParty;
        this.users = users;
        this.signUp = signUp;
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
        this.holder = holder;
        this.requestCache = requestCache;
        this.events = events;
        this.authenticationEvents = authenticationEvents;
        this.accountIds = accountIds;
    }

    void signIn(SignUpResult result, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = result.user().username();
        PasskeyView view = PasskeyView.of(
                result.passkey(), relyingParty.providers(), result.passkey().credentialId());
        events.publishEvent(
                new PasskeyRegisteredEvent(username, view, relyingParty.clock().instant()));
        boolean signedIn = false;
        try {
            UserDetails user = newAccountsUser(username, result.accountId());
            new AccountStatusUserDetailsChecker().check(user);
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            PasskeyAuthenticationToken token = new PasskeyAuthenticationToken(
                    SessionPrincipals.withoutCredentials(user),
                    result.passkey(),
                    result.passkey().uvInitialized(),
                    authorities);
            token.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
            sessionStrategy.onAuthentication(token, request, response);
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(token);
            holder.setContext(context);
            contextRepository.saveContext(context, request, response);
            PasskeyRevocationFilter.remember(request, token);
            // Through the app's publisher, as a passkey sign-in's success is.
            authenticationEvents.publishAuthenticationSuccess(token);
            signedIn = true;
        } catch (AccountStatusException e) {
            // The app made the account disabled or locked (say, until an e-mail is confirmed): created, not signed in.
            log.info("Passkeys for Java: a new account was created but cannot sign in yet ("
                    + e.getClass().getSimpleName() + ")");
        } catch (UsernameNotFoundException e) {
            // Created and stored, but the app's users do not find it (a lagging replica, say): the passkey signs in
            // once they do. Never another account's session.
            log.warn("Passkeys for Java: a new account was created, but " + e.getMessage() + "; it was not signed in");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redirectUrl", redirectUrl(request, response));
        body.put("username", username);
        body.put("signedIn", signedIn);
        body.put("passkey", view);
        for (SignUpResponseContributor contributor : signUp.contributors()) {
            contributor.contribute(result.accountId(), username, body);
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setHeader("Cache-Control", "no-store"); // it may carry recovery codes, shown once
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        PasskeysJson.mapper().writeValue(response.getOutputStream(), body);
    }

    /** The app's user of the account just created, or not found: not one that some other account resolves to. */
    private UserDetails newAccountsUser(String username, String accountId) {
        UserDetails user = users.loadUserByUsername(username);
        if (user == null) {
            throw new UsernameNotFoundException("its user could not be loaded");
        }
        if (!accountId.equals(accountIds.accountIdOf(user))) {
            throw new UsernameNotFoundException("its username loads another account's user");
        }
        return user;
    }

    private String redirectUrl(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved != null ? saved.getRedirectUrl() : request.getContextPath() + signUp.successUrl();
    }
}
