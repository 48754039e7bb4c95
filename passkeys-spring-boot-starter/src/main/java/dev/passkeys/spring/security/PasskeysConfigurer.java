package dev.passkeys.spring.security;

import dev.passkeys.RelyingParty;
import dev.passkeys.spring.account.AccountIdResolver;
import dev.passkeys.spring.metrics.CeremonyObserver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * Adds the passkey sign-in endpoint to an {@link HttpSecurity} chain. The starter applies it for you; apply it
 * yourself with {@code http.with(new PasskeysConfigurer(…))} only when you turned the starter's customizer off.
 */
public final class PasskeysConfigurer extends AbstractHttpConfigurer<PasskeysConfigurer, HttpSecurity> {

    private final RelyingParty relyingParty;
    private final UserDetailsService userDetailsService;
    private final String basePath;
    private final String defaultSuccessUrl;
    private ApplicationEventPublisher events = event -> { };
    private CeremonyObserver observer = CeremonyObserver.NONE;
    private AccountIdResolver accountIds = AccountIdResolver.USERNAME;

    public PasskeysConfigurer(RelyingParty relyingParty, UserDetailsService userDetailsService, String basePath,
                              String defaultSuccessUrl) {
        this.relyingParty = relyingParty;
        this.userDetailsService = userDetailsService;
        this.basePath = basePath;
        this.defaultSuccessUrl = defaultSuccessUrl;
    }

    /** Where sign-in events go (Spring Security's authentication events too); by default nowhere. */
    public PasskeysConfigurer events(ApplicationEventPublisher events) {
        this.events = events;
        return this;
    }

    /** Records each sign-in's outcome and duration; by default nothing is recorded. */
    public PasskeysConfigurer observer(CeremonyObserver observer) {
        this.observer = observer;
        return this;
    }

    /** The application's immutable account ids; by default the username (see {@link AccountIdResolver}). */
    public PasskeysConfigurer accountIds(AccountIdResolver accountIds) {
        this.accountIds = accountIds;
        return this;
    }

    @Override
    public void configure(HttpSecurity http) {
        RequestCache requestCache = http.getSharedObject(RequestCache.class);
        ProviderManager authenticationManager = new ProviderManager(
                new PasskeyAuthenticationProvider(relyingParty, userDetailsService, accountIds, events, observer));
        // Apps listening for Spring Security's AuthenticationSuccessEvent & co. hear passkey sign-ins as well.
        authenticationManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        PasskeyAuthenticationFilter filter = new PasskeyAuthenticationFilter(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/authentication"),
                authenticationManager,
                requestCache != null ? requestCache : new HttpSessionRequestCache(),
                defaultSuccessUrl);
        // The same session handling as form login: a new session id (fixation protection), a new CSRF token.
        SessionAuthenticationStrategy sessionStrategy = http.getSharedObject(SessionAuthenticationStrategy.class);
        filter.setSessionAuthenticationStrategy(sessionStrategy != null ? sessionStrategy
                : new ChangeSessionIdAuthenticationStrategy());
        SecurityContextRepository contextRepository = http.getSharedObject(SecurityContextRepository.class);
        filter.setSecurityContextRepository(contextRepository != null ? contextRepository
                : new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                        new HttpSessionSecurityContextRepository()));
        filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        http.addFilterBefore(postProcess(filter), BasicAuthenticationFilter.class);
    }
}
