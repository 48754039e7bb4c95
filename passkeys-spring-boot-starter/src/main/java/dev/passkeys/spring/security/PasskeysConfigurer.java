package dev.passkeys.spring.security;

import dev.passkeys.RelyingParty;
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

    public PasskeysConfigurer(RelyingParty relyingParty, UserDetailsService userDetailsService, String basePath,
                              String defaultSuccessUrl) {
        this.relyingParty = relyingParty;
        this.userDetailsService = userDetailsService;
        this.basePath = basePath;
        this.defaultSuccessUrl = defaultSuccessUrl;
    }

    @Override
    public void configure(HttpSecurity http) {
        RequestCache requestCache = http.getSharedObject(RequestCache.class);
        PasskeyAuthenticationFilter filter = new PasskeyAuthenticationFilter(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, basePath + "/authentication"),
                new ProviderManager(new PasskeyAuthenticationProvider(relyingParty, userDetailsService)),
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
