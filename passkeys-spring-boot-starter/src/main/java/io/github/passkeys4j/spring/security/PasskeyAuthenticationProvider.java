package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.AuthenticationResult;
import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.PasskeyException;
import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.event.PasskeySignInEvent;
import io.github.passkeys4j.spring.event.PasskeySignInRefusedEvent;
import io.github.passkeys4j.spring.event.PasskeyView;
import io.github.passkeys4j.spring.internal.PasskeysJson;
import io.github.passkeys4j.spring.metrics.CeremonyObserver;
import io.github.passkeys4j.store.PasskeyUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifies a passkey sign-in with the {@link RelyingParty} and turns it into the application's own user, loaded
 * through its {@link UserDetailsService} and checked like a password sign-in would be (enabled, not locked, …).
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final RelyingParty relyingParty;
    private final UserDetailsService userDetailsService;
    private final AccountIdResolver accountIds;
    private final UserDetailsChecker userDetailsChecker = new AccountStatusUserDetailsChecker();
    private final ApplicationEventPublisher events;
    private final CeremonyObserver observer;

    /** @param accountIds the application's account ids ({@link AccountIdResolver#USERNAME} when it has none) */
    public PasskeyAuthenticationProvider(
            RelyingParty relyingParty,
            UserDetailsService userDetailsService,
            AccountIdResolver accountIds,
            ApplicationEventPublisher events,
            CeremonyObserver observer) {
        this.relyingParty = relyingParty;
        this.userDetailsService = userDetailsService;
        this.accountIds = accountIds;
        this.events = events;
        this.observer = observer;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasskeyAuthenticationRequest request = (PasskeyAuthenticationRequest) authentication;
        String json = request.getCredentialJson();
        try {
            PasskeyAuthenticationToken token = observer.observe(
                    CeremonyObserver.AUTHENTICATION, () -> verify(authentication, json, request.getBrowserBinding()));
            events.publishEvent(new PasskeySignInEvent(
                    token.getName(),
                    PasskeyView.of(token.getPasskey(), relyingParty.providers(), token.getCredentialId()),
                    token.isUserVerified(),
                    relyingParty.clock().instant()));
            return token;
        } catch (RuntimeException e) {
            String credentialId =
                    e instanceof PasskeyAuthenticationException p ? p.getCredentialId() : credentialIdOf(json);
            String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : null;
            events.publishEvent(new PasskeySignInRefusedEvent(
                    CeremonyObserver.reasonOf(e),
                    credentialId,
                    remote,
                    relyingParty.clock().instant()));
            throw e;
        }
    }

    private PasskeyAuthenticationToken verify(
            Authentication authentication, String json, @Nullable String browserBinding) {
        AtomicReference<UserDetails> user = new AtomicReference<>();
        AuthenticationResult result;
        try {
            // The account is checked before the passkey's use is recorded: a refused account records nothing.
            result =
                    relyingParty.finishAuthentication(new FinishAuthentication(json, account -> user.set(load(account)))
                            .withBrowserBinding(browserBinding));
        } catch (PasskeyException e) {
            throw new PasskeyAuthenticationException(e, credentialIdOf(json));
        }
        List<GrantedAuthority> authorities = new ArrayList<>(user.get().getAuthorities());
        // On the relying party's clock, as the step-up's factor is, so both are measured alike.
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                .issuedAt(relyingParty.clock().instant())
                .build());
        PasskeyAuthenticationToken token = new PasskeyAuthenticationToken(
                SessionPrincipals.withoutCredentials(user.get()), result.passkey(), result.userVerified(), authorities);
        token.setDetails(authentication.getDetails());
        return token;
    }

    /**
     * The application's user of the passkey's account, checked like a password sign-in would be. A user loaded under
     * the account's username who is not the account the passkey was made for (the account was deleted and the name
     * taken again) is refused exactly like a deleted one.
     */
    private UserDetails load(PasskeyUser account) {
        UserDetails user;
        try {
            user = userDetailsService.loadUserByUsername(account.username());
        } catch (UsernameNotFoundException e) {
            user = null;
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // The app's user store failed, not the passkey: as DaoAuthenticationProvider does for a form login, so the
            // app's publisher and failure handler see a service failure, not a wrong passkey.
            throw new InternalAuthenticationServiceException("the app's UserDetailsService failed", e);
        }
        if (user == null) {
            throw new BadCredentialsException("the app has no user named " + account.username()
                    + " (deleted, or renamed without a UsernameChangedEvent)");
        }
        if (!account.accountId().equals(accountIds.accountIdOf(user))) {
            throw new BadCredentialsException("the user named " + account.username()
                    + " is another account than the passkey's (its account was deleted or renamed)");
        }
        userDetailsChecker.check(user);
        return user;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasskeyAuthenticationRequest.class.isAssignableFrom(authentication);
    }

    private static String credentialIdOf(String json) {
        try {
            String id = PasskeysJson.mapper().readTree(json).path("id").asString(null);
            return id != null && id.matches("[A-Za-z0-9_-]{1,1366}") ? id : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
